import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, forgetTeacherKey } from '../shared/api.js';
import { ErrorLine } from '../shared/components.js';
import { errorText, t } from '../shared/i18n.js';
import { LIMITS } from '../shared/protocol.js';
import type { DeckSummary } from '../shared/types.js';
import type { HostSession } from './host-session.js';
import { bt } from '../bank/bank-texts.js';

interface Created {
  gameId: string;
  pin: string;
  hostToken: string;
  joinUrl: string;
}

export function SetupForm({ onCreated, onBadKey }: { onCreated: (s: HostSession) => void; onBadKey: (message: string) => void }) {
  const [decks, setDecks] = useState<DeckSummary[]>([]);
  const [deckId, setDeckId] = useState('');
  const [sections, setSections] = useState<string[]>([]);
  const [count, setCount] = useState(10);
  const [timeLimit, setTimeLimit] = useState(20);
  /** Kahoot-style: the question alone for a few seconds, then the options and the clock. */
  const [getReady, setGetReady] = useState(3);
  const [randomNames, setRandomNames] = useState(false);
  const [scoring, setScoring] = useState('classic');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<DeckSummary[]>('GET', '/api/decks')
      .then((list) => {
        setDecks(list);
        setDeckId((id) => id || list[0]?.id || '');
      })
      .catch((e: unknown) => setError(errorText(e instanceof ApiError ? e.code : 'INTERNAL_ERROR')));
  }, []);

  const deck = decks.find((d) => d.id === deckId);
  const toggleSection = (label: string) => setSections((s) => (s.includes(label) ? s.filter((x) => x !== label) : [...s, label]));

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        deckId,
        questionCount: count,
        timeLimitSec: timeLimit,
        getReadySec: getReady,
        randomNames,
        scoring,
        ...(sections.length ? { sections } : {}),
      };
      const created = await api<Created>('POST', '/api/games', body);
      onCreated({ gameId: created.gameId, hostToken: created.hostToken, pin: created.pin, joinUrl: created.joinUrl });
    } catch (err) {
      const code = (err as ApiError).code;
      if (code === 'UNAUTHORIZED') {
        forgetTeacherKey();
        onBadKey(errorText(code));
      } else setError(errorText(code));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card setup" onSubmit={submit}>
      <h1>{t('newGame')}</h1>
      <p>
        <a href="/bank">{bt('bankLink')}</a>
      </p>
      <label for="deck">{t('deck')}</label>
      <select
        id="deck"
        value={deckId}
        onChange={(e) => {
          setDeckId((e.target as HTMLSelectElement).value);
          setSections([]);
        }}
      >
        {decks.map((d) => (
          <option value={d.id}>
            {d.title} — {t('questionsAvailable', { n: d.questionCount })}
          </option>
        ))}
      </select>
      {deck ? (
        <fieldset>
          <legend>{t('sections')}</legend>
          {deck.sections.map((s) => (
            <label class="check-row">
              <input type="checkbox" checked={sections.includes(s.label)} onChange={() => toggleSection(s.label)} />
              {s.label} ({s.questionCount})
            </label>
          ))}
        </fieldset>
      ) : null}
      <label for="count">{t('questionCount')}</label>
      <input
        id="count"
        type="number"
        min={1}
        max={LIMITS.roundQuestions}
        value={count}
        onInput={(e) => setCount(Number((e.target as HTMLInputElement).value))}
      />
      <label for="time">{t('timeLimit')}</label>
      <input id="time" type="number" min={5} max={240} value={timeLimit} onInput={(e) => setTimeLimit(Number((e.target as HTMLInputElement).value))} />
      <label for="get-ready">{t('getReadySec')}</label>
      <input
        id="get-ready"
        type="number"
        min={0}
        max={LIMITS.getReadySec}
        value={getReady}
        onInput={(e) => setGetReady(Number((e.target as HTMLInputElement).value))}
      />
      <label class="check-row">
        <input type="checkbox" checked={randomNames} onChange={() => setRandomNames(!randomNames)} />
        {t('randomNames')}
      </label>
      <label for="scoring">{t('scoring')}</label>
      <select id="scoring" value={scoring} onChange={(e) => setScoring((e.target as HTMLSelectElement).value)}>
        <option value="classic">{t('scoringClassic')}</option>
        <option value="accuracy">{t('scoringAccuracy')}</option>
        <option value="practice">{t('scoringPractice')}</option>
      </select>
      <button type="submit" class="primary" disabled={busy || !deckId}>
        {t('create')}
      </button>
      <ErrorLine message={error} />
    </form>
  );
}
