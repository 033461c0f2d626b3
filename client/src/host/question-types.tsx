import type { FunctionComponent } from 'preact';
import { BarChart, Shape, optionStyle } from '../shared/components.js';
import { t } from '../shared/i18n.js';
import type { QuestionView, RevealView } from '../shared/types.js';

/** What the projector shows of one question type: the open question's options, the reveal's breakdown, the right answer in words. */
interface HostQuestionType {
  /** Under the prompt while the question is open (never during "get ready"). */
  Options: FunctionComponent<{ question: QuestionView }>;
  /** The reveal's chart: how the class answered. */
  Breakdown: FunctionComponent<{ reveal: RevealView }>;
  /** The right answer as the screen reader announces it. */
  rightAnswers: (reveal: RevealView) => string[];
}

/**
 * The host's views per question type. Keyed by the server's QuestionType, so a
 * type added there without its entry here fails `npm run typecheck`.
 */
export const HOST_QUESTION_TYPES: { readonly [T in QuestionView['type']]: HostQuestionType } = {
  single: { Options: OptionList, Breakdown: ChoiceBreakdown, rightAnswers: rightOptions },
  multiple: { Options: OptionList, Breakdown: ChoiceBreakdown, rightAnswers: rightOptions },
  truefalse: { Options: OptionList, Breakdown: ChoiceBreakdown, rightAnswers: rightOptions },
  typed: { Options: TypeOnPhoneHint, Breakdown: TypedBreakdown, rightAnswers: (r) => r.accepted.slice(0, 1) },
  ordering: { Options: OptionList, Breakdown: OrderingBreakdown, rightAnswers: rightOptions },
};

function rightOptions(r: RevealView): string[] {
  return r.correct.map((i) => r.options[i] ?? '');
}

function OptionList({ question }: { question: QuestionView }) {
  return (
    <ul class={question.type === 'ordering' ? 'host-options ordering' : 'host-options'}>
      {question.options.map((option, i) => (
        <li class={`host-option option-${optionStyle(i).name}`}>
          <Shape index={i} /> {option}
        </li>
      ))}
    </ul>
  );
}

function TypeOnPhoneHint() {
  return <p class="typed-hint">{t('typeOnPhone')}</p>;
}

function ChoiceBreakdown({ reveal }: { reveal: RevealView }) {
  return <BarChart labels={reveal.options} counts={reveal.distribution.options} correct={reveal.correct} />;
}

function TypedBreakdown({ reveal }: { reveal: RevealView }) {
  return (
    <div class="typed-breakdown">
      <p class="accepted big">{t('acceptedAnswers', { list: reveal.accepted.join(', ') })}</p>
      {reveal.typedAnswers.length ? (
        <BarChart
          labels={reveal.typedAnswers.map((a) => a.text)}
          counts={reveal.typedAnswers.map((a) => a.count)}
          correct={reveal.typedAnswers.flatMap((a, i) => (a.correct ? [i] : []))}
          plain
        />
      ) : null}
    </div>
  );
}

function OrderingBreakdown({ reveal }: { reveal: RevealView }) {
  const o = reveal.ordering;
  return (
    <div class="ordering-breakdown">
      <ol class="correct-order">
        {reveal.correct.map((item, position) => (
          <li>
            <span>{reveal.options[item]}</span>
            {o && o.answered ? <span class="position-share">{t('positionShare', { n: o.positions[position] ?? 0, total: o.answered })}</span> : null}
          </li>
        ))}
      </ol>
      {o ? <p class="big">{t('fullyRight', { n: o.fullyRight, total: o.answered })}</p> : null}
    </div>
  );
}
