import { useEffect, useMemo, useState } from 'preact/hooks';
import { forgetTeacherKey, takeKeyFromHash, teacherKey } from '../shared/api.js';
import { ErrorLine, Page } from '../shared/components.js';
import { errorText } from '../shared/i18n.js';
import { KeyForm } from '../shared/key-form.js';
import { asBankApiError, bankApi, questionPath, type BankQuestion, type DeckBank, type DeckStats, type DeckSummary, type ItemStats } from './bank-api.js';
import { BankFilters, matches, NO_FILTERS, type Filters } from './bank-filters.js';
import { bt, kindLabel } from './bank-texts.js';
import { MoodlePanel } from './moodle-panel.js';
import { QuestionCard, type CardActions } from './question-card.js';
import { QuestionEditor } from './question-editor.js';
import { OrphanedList } from './orphaned-list.js';
import { openReviewGame } from './review-game.js';

const deckFromHash = () => /^#deck=([\w.-]+)/.exec(location.hash)?.[1] ?? '';

/** The teacher's bank: pick a deck, review every question as students see it, change what needs changing. */
export function BankApp() {
  takeKeyFromHash();
  const [hasKey, setHasKey] = useState(teacherKey() !== null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const badKey = () => {
    forgetTeacherKey();
    setKeyError(errorText('UNAUTHORIZED'));
    setHasKey(false);
  };
  return (
    <Page title={bt('bankTitle')} wide>
      {hasKey ? <DeckChooser onBadKey={badKey} /> : <KeyForm error={keyError} onSaved={() => setHasKey(true)} />}
    </Page>
  );
}

function DeckChooser({ onBadKey }: { onBadKey: () => void }) {
  const [decks, setDecks] = useState<DeckSummary[]>([]);
  const [deckId, setDeckId] = useState(deckFromHash());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    bankApi<DeckSummary[]>('GET', '/api/decks')
      .then((list) => {
        setDecks(list);
        setDeckId((id) => (list.some((d) => d.id === id) ? id : (list[0]?.id ?? '')));
      })
      .catch((err: unknown) => setError(asBankApiError(err).text));
  }, []);
  const choose = (id: string) => {
    setDeckId(id);
    history.replaceState(null, '', `#deck=${id}`);
  };
  return (
    <>
      <h1>{bt('bankTitle')}</h1>
      <label for="bank-deck">{bt('chooseDeck')}</label>
      <select id="bank-deck" value={deckId} onChange={(e) => choose((e.target as HTMLSelectElement).value)}>
        {decks.map((d) => (
          <option value={d.id}>{d.title}</option>
        ))}
      </select>
      <ErrorLine message={error} />
      {deckId ? <DeckBankView key={deckId} deckId={deckId} onBadKey={onBadKey} /> : null}
    </>
  );
}

function DeckBankView({ deckId, onBadKey }: { deckId: string; onBadKey: () => void }) {
  const [bank, setBank] = useState<DeckBank | null>(null);
  const [stats, setStats] = useState<Map<string, ItemStats>>(new Map());
  const [games, setGames] = useState(0);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [editing, setEditing] = useState<{ question: BankQuestion | null } | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) => {
    const failure = asBankApiError(err);
    if (failure.code === 'UNAUTHORIZED') onBadKey();
    else setError(failure.text);
  };
  const base = `/api/bank/${encodeURIComponent(deckId)}`;

  const load = () =>
    Promise.all([bankApi<DeckBank>('GET', base), bankApi<DeckStats>('GET', `${base}/stats`)])
      .then(([b, s]) => {
        setBank(b);
        setStats(new Map(s.items.map((i) => [i.questionId, i])));
        setGames(s.games);
      })
      .catch(fail);
  useEffect(() => void load(), [deckId]);

  const act = (work: Promise<unknown>) =>
    work.then(() => {
      setStatus(bt('saved'));
      return load();
    }, fail);
  const actions: CardActions = {
    onEdit: (question) => setEditing({ question }),
    onExclude: (q, excluded) => void act(bankApi('PUT', `${questionPath(deckId, q.id)}/excluded`, { excluded })),
    onReset: (q) => void act(bankApi('POST', `${questionPath(deckId, q.id)}/reset`)),
    onDelete: (q) => {
      if (confirm(bt('deleteConfirm'))) void act(bankApi('DELETE', questionPath(deckId, q.id)));
    },
  };

  const shown = useMemo(() => (bank ? bank.questions.filter((q) => matches(q, filters, stats.get(q.id))) : []), [bank, filters, stats]);
  if (!bank) return <ErrorLine message={error} />;
  const sections = bank.deck.sections.map((s) => s.label);
  const kinds = [...new Set(bank.questions.map((q) => q.kind))].sort();
  const grouped = groupBySectionAndKind(shown, sections);

  // A question is edited in place of its card; a new one above the list.
  const editor = (question: BankQuestion | null) => (
    <QuestionEditor
      deck={bank.deck}
      question={question}
      section={filters.section || bank.deck.sections[0]?.label || ''}
      onDone={(saved) => {
        setEditing(null);
        if (saved) void act(Promise.resolve());
      }}
    />
  );

  return (
    <div class="bank">
      <p class="meta">{bt('gamesPlayed', { n: games })}</p>
      <OrphanedList orphaned={bank.orphaned} onDismiss={(id) => act(bankApi('DELETE', questionPath(deckId, id)))} />
      <BankFilters filters={filters} onChange={setFilters} sections={sections} kinds={kinds} />
      <div class="actions">
        <button type="button" class="primary" onClick={() => setEditing({ question: null })}>
          {bt('addQuestion')}
        </button>
      </div>
      {editing && !editing.question ? editor(null) : null}
      <p role="status" class="meta">
        {status} {bt('shown', { n: shown.length, total: bank.questions.length })}
      </p>
      <ErrorLine message={error} />
      {grouped.map(([section, kinds]) => (
        <section class="bank-section" aria-labelledby={`s-${slug(section)}`}>
          <div class="section-head">
            <h2 id={`s-${slug(section)}`}>{section}</h2>
            {games ? (
              <button type="button" onClick={() => openReviewGame({ deckId, section }).catch(fail)}>
                {bt('reviewSection')}
              </button>
            ) : null}
          </div>
          {kinds.map(([kind, questions]) => (
            <div class="bank-kind">
              <h3>
                {kindLabel(kind)} <span class="badge">{questions.length}</span>
              </h3>
              {questions.map((q) => (editing?.question?.id === q.id ? editor(q) : <QuestionCard question={q} stats={stats.get(q.id)} actions={actions} />))}
            </div>
          ))}
        </section>
      ))}
      <MoodlePanel deck={bank.deck} onImported={() => void load()} />
    </div>
  );
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Sections in deck order (then any other), and within each the kinds in name order. */
function groupBySectionAndKind(questions: BankQuestion[], sections: string[]): Array<[string, Array<[string, BankQuestion[]]>]> {
  const bySection = new Map<string, Map<string, BankQuestion[]>>();
  for (const q of questions) {
    const kinds = bySection.get(q.source.section) ?? new Map<string, BankQuestion[]>();
    kinds.set(q.kind, [...(kinds.get(q.kind) ?? []), q]);
    bySection.set(q.source.section, kinds);
  }
  const order = (s: string) => (sections.includes(s) ? sections.indexOf(s) : sections.length);
  return [...bySection.entries()]
    .sort((a, b) => order(a[0]) - order(b[0]) || a[0].localeCompare(b[0]))
    .map(([section, kinds]) => [section, [...kinds.entries()].sort((a, b) => a[0].localeCompare(b[0]))]);
}
