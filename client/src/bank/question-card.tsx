import type { BankQuestion, ItemStats } from './bank-api.js';
import { BANK_QUESTION_TYPES } from './bank-question-types.js';
import { bt } from './bank-texts.js';
import { ItemFigures } from './item-stats.js';

export interface CardActions {
  onEdit: (q: BankQuestion) => void;
  onExclude: (q: BankQuestion, excluded: boolean) => void;
  onReset: (q: BankQuestion) => void;
  onDelete: (q: BankQuestion) => void;
}

/** The question as students see it, with the key marked, where it comes from, and how it played. */
export function QuestionCard({ question: q, stats, actions }: { question: BankQuestion; stats?: ItemStats; actions: CardActions }) {
  const headingId = `q-${q.id}`;
  return (
    <article class={`card bank-question${q.excluded ? ' is-excluded' : ''}`} aria-labelledby={headingId} data-question-id={q.id}>
      <p class="badges">
        <span class="badge">{bt(`type_${q.type}`)}</span> <span class="badge">{bt(`origin_${q.origin}`)}</span>
        {q.edited ? <span class="badge badge-edited">{bt('editedBadge')}</span> : null}
        {q.excluded ? <span class="badge badge-excluded">{bt('excludedBadge')}</span> : null}
      </p>
      <h4 id={headingId} class="bank-prompt">
        {q.prompt}
      </h4>
      <Answers question={q} />
      <p>
        <strong>{bt('explanation')}:</strong> {q.explanation}
      </p>
      {q.source.sentence ? (
        <p class="meta">
          {bt('sourceSentence')}: «{q.source.sentence}»{q.source.slide ? ` · ${bt('slide')}: ${q.source.slide}` : ''}
        </p>
      ) : null}
      <ItemFigures stats={stats} />
      <div class="actions">
        <button type="button" aria-label={bt('editNamed', { prompt: q.prompt })} onClick={() => actions.onEdit(q)}>
          {bt('edit')}
        </button>
        <button type="button" onClick={() => actions.onExclude(q, !q.excluded)}>
          {q.excluded ? bt('include') : bt('exclude')}
        </button>
        {q.edited ? (
          <button type="button" onClick={() => actions.onReset(q)}>
            {bt('reset')}
          </button>
        ) : null}
        {q.origin === 'own' ? (
          <button type="button" class="danger" onClick={() => actions.onDelete(q)}>
            {bt('delete')}
          </button>
        ) : null}
      </div>
    </article>
  );
}

/** The answer key as the type writes it (BANK_QUESTION_TYPES): accepted texts, the right order, or options with the right ones marked. */
function Answers({ question: q }: { question: BankQuestion }) {
  const { key } = BANK_QUESTION_TYPES[q.type];
  if (key === 'accepted') {
    return (
      <p>
        <strong>{bt('acceptedAnswers')}:</strong> {q.accepted.join(' · ')}
      </p>
    );
  }
  if (key === 'order') {
    return (
      <>
        <p class="meta">{bt('rightOrder')}:</p>
        <ol class="bank-order">
          {q.correct.map((i) => (
            <li>{q.options[i]}</li>
          ))}
        </ol>
      </>
    );
  }
  return (
    <ul class="bank-options">
      {q.options.map((o, i) =>
        q.correct.includes(i) ? (
          <li class="is-key">
            <span aria-hidden="true">✓ </span>
            {o} <span class="visually-hidden">({bt('correctMark')})</span>
          </li>
        ) : (
          <li>{o}</li>
        ),
      )}
    </ul>
  );
}
