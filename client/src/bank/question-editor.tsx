import { useEffect, useState } from 'preact/hooks';
import { asBankApiError, bankApi, questionPath, type BankQuestion, type DeckSummary, type QuestionContent } from './bank-api.js';
import { BANK_QUESTION_TYPES, BANK_TYPE_LIST } from './bank-question-types.js';
import { bt } from './bank-texts.js';

type Type = BankQuestion['type'];
const TRUE_FALSE = { es: ['Verdadero', 'Falso'], en: ['True', 'False'] };

interface Draft {
  type: Type;
  prompt: string;
  options: string;
  correct: number[];
  accepted: string;
  explanation: string;
  section: string;
  slide: string;
  sentence: string;
  difficulty: number;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function draftOf(q: BankQuestion | null, deck: DeckSummary, section: string): Draft {
  if (!q) return { type: 'single', prompt: '', options: '', correct: [0], accepted: '', explanation: '', section, slide: '', sentence: '', difficulty: 2 };
  // An ordering question is edited as its items in the right order.
  const byOrder = BANK_QUESTION_TYPES[q.type].key === 'order';
  const options = byOrder ? q.correct.map((i) => q.options[i] ?? '') : q.options;
  return {
    type: q.type,
    prompt: q.prompt,
    options: options.join('\n'),
    correct: byOrder ? options.map((_, i) => i) : q.correct,
    accepted: q.accepted.join('\n'),
    explanation: q.explanation,
    section: q.source.section || deck.sections[0]?.label || '',
    slide: q.source.slide,
    sentence: q.source.sentence,
    difficulty: q.difficulty,
  };
}

/** The correct indices as stored: none, every item in the order written, or the marked options. */
function correctOf(d: Draft, options: string[]): number[] {
  switch (BANK_QUESTION_TYPES[d.type].key) {
    case 'accepted':
      return [];
    case 'order':
      return options.map((_, i) => i);
    case 'one':
    case 'many':
      return d.correct.filter((i) => i < options.length);
  }
}

function contentOf(d: Draft): QuestionContent {
  const typesText = BANK_QUESTION_TYPES[d.type].key === 'accepted';
  const options = typesText ? [] : lines(d.options);
  return {
    type: d.type,
    prompt: d.prompt.trim(),
    options,
    correct: correctOf(d, options),
    accepted: typesText ? lines(d.accepted) : [],
    explanation: d.explanation.trim(),
    source: { section: d.section, slide: d.slide.trim(), sentence: d.sentence.trim() },
    tags: [d.section],
    difficulty: d.difficulty,
  };
}

/** Edits a question, or writes a new one (question null); every problem is shown next to its field. */
export function QuestionEditor(props: { deck: DeckSummary; question: BankQuestion | null; section: string; onDone: (saved: BankQuestion | null) => void }) {
  const { deck, question } = props;
  const [draft, setDraft] = useState<Draft>(() => draftOf(question, deck, props.section));
  const [fields, setFields] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  // Keyboard users land in the form they opened, wherever it is on the page.
  useEffect(() => document.getElementById('edit-prompt')?.focus(), []);
  const id = (name: string) => `edit-${name}`;
  const problems = (name: string) =>
    fields[name]?.length ? (
      <p class="field-error" id={`${id(name)}-error`}>
        {fields[name].join('; ')}
      </p>
    ) : null;
  const described = (name: string) => (fields[name]?.length ? { 'aria-describedby': `${id(name)}-error`, 'aria-invalid': true } : {});

  const changeType = (type: Type) => {
    const options = BANK_QUESTION_TYPES[type].fixedOptions
      ? TRUE_FALSE[deck.language].join('\n')
      : BANK_QUESTION_TYPES[draft.type].fixedOptions
        ? ''
        : draft.options;
    set({ type, options, correct: [0] });
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const content = contentOf(draft);
      const saved = question
        ? await bankApi<BankQuestion>('PATCH', questionPath(deck.id, question.id), content)
        : await bankApi<BankQuestion>('POST', `/api/bank/${encodeURIComponent(deck.id)}/questions`, content);
      props.onDone(saved);
    } catch (err) {
      const failure = asBankApiError(err);
      setFields(failure.fields);
      setError(Object.keys(failure.fields).length ? bt('fixFields') : failure.text);
    } finally {
      setBusy(false);
    }
  };

  const options = lines(draft.options);
  const editor = BANK_QUESTION_TYPES[draft.type];
  const toggle = (i: number) =>
    set({ correct: editor.key === 'many' ? (draft.correct.includes(i) ? draft.correct.filter((x) => x !== i) : [...draft.correct, i].sort()) : [i] });

  return (
    <form class="card editor" onSubmit={save} aria-labelledby="editor-title">
      <h2 id="editor-title">{question ? bt('edit') : bt('addQuestion')}</h2>
      <label for={id('type')}>{bt('fieldType')}</label>
      <select id={id('type')} value={draft.type} onChange={(e) => changeType((e.target as HTMLSelectElement).value as Type)} {...described('type')}>
        {BANK_TYPE_LIST.map((type) => (
          <option value={type}>{bt(`type_${type}`)}</option>
        ))}
      </select>
      {problems('type')}
      <label for={id('prompt')}>{bt('fieldPrompt')}</label>
      <textarea
        id={id('prompt')}
        rows={3}
        value={draft.prompt}
        onInput={(e) => set({ prompt: (e.target as HTMLTextAreaElement).value })}
        {...described('prompt')}
      />
      {problems('prompt')}
      {editor.key === 'accepted' ? (
        <>
          <label for={id('accepted')}>{bt('fieldAccepted')}</label>
          <textarea
            id={id('accepted')}
            rows={3}
            value={draft.accepted}
            onInput={(e) => set({ accepted: (e.target as HTMLTextAreaElement).value })}
            {...described('accepted')}
          />
          {problems('accepted')}
        </>
      ) : (
        <>
          <label for={id('options')}>{editor.key === 'order' ? bt('fieldOptionsOrdering') : bt('fieldOptions')}</label>
          <textarea
            id={id('options')}
            rows={Math.max(3, options.length + 1)}
            value={draft.options}
            readOnly={editor.fixedOptions}
            onInput={(e) => set({ options: (e.target as HTMLTextAreaElement).value })}
            {...described('options')}
          />
          {problems('options')}
        </>
      )}
      {editor.key === 'one' || editor.key === 'many' ? (
        <fieldset aria-describedby={fields.correct?.length ? `${id('correct')}-error` : undefined}>
          <legend>{editor.key === 'many' ? bt('fieldCorrectMultiple') : bt('fieldCorrect')}</legend>
          {options.map((o, i) => (
            <label class="check-row">
              <input type={editor.key === 'many' ? 'checkbox' : 'radio'} name="edit-correct" checked={draft.correct.includes(i)} onChange={() => toggle(i)} />
              {o}
            </label>
          ))}
        </fieldset>
      ) : null}
      {problems('correct')}
      <label for={id('explanation')}>{bt('fieldExplanation')}</label>
      <textarea
        id={id('explanation')}
        rows={3}
        value={draft.explanation}
        onInput={(e) => set({ explanation: (e.target as HTMLTextAreaElement).value })}
        {...described('explanation')}
      />
      {problems('explanation')}
      <label for={id('section')}>{bt('fieldSection')}</label>
      <select
        id={id('section')}
        value={draft.section}
        onChange={(e) => set({ section: (e.target as HTMLSelectElement).value })}
        {...described('source.section')}
      >
        {deck.sections.map((s) => (
          <option value={s.label}>{s.label}</option>
        ))}
      </select>
      {problems('source.section')}
      <label for={id('slide')}>{bt('fieldSlide')}</label>
      <input id={id('slide')} value={draft.slide} onInput={(e) => set({ slide: (e.target as HTMLInputElement).value })} {...described('source.slide')} />
      {problems('source.slide')}
      <label for={id('sentence')}>{bt('fieldSentence')}</label>
      <textarea
        id={id('sentence')}
        rows={2}
        value={draft.sentence}
        onInput={(e) => set({ sentence: (e.target as HTMLTextAreaElement).value })}
        {...described('source.sentence')}
      />
      {problems('source.sentence')}
      <label for={id('difficulty')}>{bt('fieldDifficulty')}</label>
      <input
        id={id('difficulty')}
        type="number"
        min={1}
        max={3}
        value={draft.difficulty}
        onInput={(e) => set({ difficulty: Number((e.target as HTMLInputElement).value) })}
        {...described('difficulty')}
      />
      {problems('difficulty')}
      <p class="error" role="alert">
        {error ?? ''}
      </p>
      <div class="actions">
        <button type="button" onClick={() => props.onDone(null)}>
          {bt('cancel')}
        </button>
        <button type="submit" class="primary" disabled={busy}>
          {bt('saveQuestion')}
        </button>
      </div>
    </form>
  );
}
