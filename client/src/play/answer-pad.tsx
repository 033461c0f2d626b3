import type { FunctionComponent } from 'preact';
import { useState } from 'preact/hooks';
import { Shape, optionStyle } from '../shared/components.js';
import { t } from '../shared/i18n.js';
import { LIMITS } from '../shared/protocol.js';
import type { QuestionView } from '../shared/types.js';

type Answer = number | number[] | string;

interface PadProps {
  question: QuestionView;
  onAnswer: (a: Answer) => void;
  disabled: boolean;
}

/**
 * The phone's answer controls, one per question type. Keyed by the server's
 * QuestionType, so a type added there without its pad fails `npm run typecheck`.
 */
const ANSWER_PADS: { readonly [T in QuestionView['type']]: FunctionComponent<PadProps> } = {
  single: ({ question, onAnswer, disabled }) => <ChoiceButtons options={question.options} onPick={onAnswer} disabled={disabled} />,
  truefalse: ({ question, onAnswer, disabled }) => <ChoiceButtons options={question.options} onPick={onAnswer} disabled={disabled} />,
  multiple: ({ question, onAnswer, disabled }) => <MultiSelect options={question.options} onSend={onAnswer} disabled={disabled} />,
  typed: ({ onAnswer, disabled }) => <TypedAnswer onSend={onAnswer} disabled={disabled} />,
  ordering: ({ question, onAnswer, disabled }) => <OrderingList options={question.options} onSend={onAnswer} disabled={disabled} />,
};

/** The answer controls for the open question's type; big targets for thumbs, all usable by keyboard. */
export function AnswerPad(props: PadProps) {
  const Pad = ANSWER_PADS[props.question.type];
  return <Pad {...props} />;
}

function ChoiceButtons({ options, onPick, disabled }: { options: string[]; onPick: (i: number) => void; disabled: boolean }) {
  return (
    <div class="choices">
      {options.map((option, i) => (
        <button type="button" class={`choice option-${optionStyle(i).name}`} disabled={disabled} onClick={() => onPick(i)}>
          <Shape index={i} />
          <span class="choice-text">{option}</span>
        </button>
      ))}
    </div>
  );
}

function MultiSelect({ options, onSend, disabled }: { options: string[]; onSend: (a: number[]) => void; disabled: boolean }) {
  const [picked, setPicked] = useState<number[]>([]);
  const toggle = (i: number) => setPicked((p) => (p.includes(i) ? p.filter((x) => x !== i) : [...p, i]));
  return (
    <div>
      <p class="hint">{t('selectAllHelp')}</p>
      <div class="choices">
        {options.map((option, i) => (
          <button
            type="button"
            class={`choice option-${optionStyle(i).name}${picked.includes(i) ? ' is-picked' : ''}`}
            aria-pressed={picked.includes(i)}
            disabled={disabled}
            onClick={() => toggle(i)}
          >
            <Shape index={i} />
            <span class="choice-text">{option}</span>
            <span class="check" aria-hidden="true">
              {picked.includes(i) ? '☑' : '☐'}
            </span>
          </button>
        ))}
      </div>
      <button type="button" class="primary send" disabled={disabled || picked.length === 0} onClick={() => onSend([...picked].sort((a, b) => a - b))}>
        {t('send')}
      </button>
    </div>
  );
}

function TypedAnswer({ onSend, disabled }: { onSend: (a: string) => void; disabled: boolean }) {
  const [text, setText] = useState('');
  return (
    <form
      class="typed"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) onSend(text.trim());
      }}
    >
      <label for="typed-answer">{t('typeAnswer')}</label>
      <input
        id="typed-answer"
        autocomplete="off"
        autocapitalize="off"
        maxLength={LIMITS.typedAnswer}
        value={text}
        disabled={disabled}
        onInput={(e) => setText((e.target as HTMLInputElement).value)}
      />
      <button type="submit" class="primary send" disabled={disabled || !text.trim()}>
        {t('send')}
      </button>
    </form>
  );
}

function OrderingList({ options, onSend, disabled }: { options: string[]; onSend: (a: number[]) => void; disabled: boolean }) {
  const [order, setOrder] = useState(options.map((_, i) => i));
  const move = (from: number, to: number) =>
    setOrder((o) => {
      const moving = o[from];
      const displaced = o[to];
      // The first item's ▲ and the last one's ▼ are disabled: a move off the list leaves the order as it is.
      if (moving === undefined || displaced === undefined) return o;
      const next = [...o];
      next[from] = displaced;
      next[to] = moving;
      return next;
    });
  return (
    <div>
      <p class="hint">{t('orderHelp')}</p>
      <ol class="ordering">
        {order.map((optionIndex, position) => (
          <li class={`order-item option-${optionStyle(optionIndex).name}`}>
            <span class="order-text">{options[optionIndex]}</span>
            <span class="order-buttons">
              <button
                type="button"
                aria-label={`${t('moveUp')}: ${options[optionIndex]}`}
                disabled={disabled || position === 0}
                onClick={() => move(position, position - 1)}
              >
                ▲
              </button>
              <button
                type="button"
                aria-label={`${t('moveDown')}: ${options[optionIndex]}`}
                disabled={disabled || position === order.length - 1}
                onClick={() => move(position, position + 1)}
              >
                ▼
              </button>
            </span>
          </li>
        ))}
      </ol>
      <button type="button" class="primary send" disabled={disabled} onClick={() => onSend(order)}>
        {t('send')}
      </button>
    </div>
  );
}
