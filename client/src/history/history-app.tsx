import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, forgetTeacherKey, takeKeyFromHash, teacherKey } from '../shared/api.js';
import { ErrorLine, Nick, Page } from '../shared/components.js';
import { errorText, t } from '../shared/i18n.js';
import { KeyForm } from '../shared/key-form.js';
import type { HistoryPage } from '../shared/types.js';
import { GameDetail } from './game-detail.js';
import { StudentDetail } from './student-detail.js';
import { bt } from '../bank/bank-texts.js';

interface Route {
  gameId: string | null;
  playerId: string | null;
}
const routeFromHash = (): Route => {
  const match = /^#\/game\/([\w-]+)(?:\/player\/([\w-]+))?/.exec(location.hash);
  return { gameId: match?.[1] ?? null, playerId: match?.[2] ?? null };
};

/** Past games for teachers: the list, one game's results (#/game/<id>) and one student's (#/game/<id>/player/<playerId>). */
export function HistoryApp() {
  takeKeyFromHash();
  const [hasKey, setHasKey] = useState(teacherKey() !== null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const [route, setRoute] = useState(routeFromHash());

  useEffect(() => {
    const onHash = () => setRoute(routeFromHash());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const badKey = () => {
    forgetTeacherKey();
    setKeyError(errorText('UNAUTHORIZED'));
    setHasKey(false);
  };

  return (
    <Page title={t('historyTitle')} wide>
      {!hasKey ? (
        <KeyForm error={keyError} onSaved={() => setHasKey(true)} />
      ) : route.gameId && route.playerId ? (
        <StudentDetail gameId={route.gameId} playerId={route.playerId} onBadKey={badKey} />
      ) : route.gameId ? (
        <GameDetail gameId={route.gameId} onBadKey={badKey} />
      ) : (
        <GameList onBadKey={badKey} />
      )}
    </Page>
  );
}

function GameList({ onBadKey }: { onBadKey: () => void }) {
  const [pages, setPages] = useState<HistoryPage[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = async (cursor?: string) => {
    try {
      const page = await api<HistoryPage>('GET', `/api/history?limit=20${cursor ? `&cursor=${cursor}` : ''}`);
      setPages((p) => [...p, page]);
    } catch (err) {
      if ((err as ApiError).code === 'UNAUTHORIZED') onBadKey();
      else setError(errorText((err as ApiError).code));
    }
  };
  useEffect(() => void load(), []);
  const games = pages.flatMap((p) => p.games);
  const next = pages.at(-1)?.nextCursor;
  return (
    <section class="history-list">
      <h1>{t('historyTitle')}</h1>
      <p>
        <a href="/bank">{bt('bankLink')}</a>
      </p>
      {pages.length && games.length === 0 ? <p>{t('noGames')}</p> : null}
      {games.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('date')}</th>
              <th scope="col">{t('deck')}</th>
              <th scope="col">{t('players')}</th>
              <th scope="col">{t('winner')}</th>
              <th scope="col">{t('averageCorrect')}</th>
            </tr>
          </thead>
          <tbody>
            {games.map((g) => (
              <tr>
                <td>
                  <a href={`#/game/${g.gameId}`}>{new Date(g.endedAt).toLocaleString()}</a> <span class="badge">{t(`endReason_${g.endReason}` as never)}</span>
                </td>
                <td>{g.deckTitle}</td>
                <td>{g.playerCount}</td>
                <td>
                  {g.winner ? (
                    <>
                      <Nick name={g.winner.nickname} /> ({g.winner.score})
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{Math.round(g.averageCorrectRate * 100)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {next ? (
        <button type="button" onClick={() => load(next)}>
          {t('more')}
        </button>
      ) : null}
      <ErrorLine message={error} />
    </section>
  );
}
