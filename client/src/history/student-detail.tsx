import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../shared/api.js';
import { ErrorLine, Nick } from '../shared/components.js';
import { errorText, t, tAround } from '../shared/i18n.js';
import type { StudentReport } from '../shared/types.js';

/** One student's game: each answer with its points and time, and what that student should go over again. */
export function StudentDetail({ gameId, playerId, onBadKey }: { gameId: string; playerId: string; onBadKey: () => void }) {
  const [report, setReport] = useState<StudentReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<StudentReport>('GET', `/api/history/${gameId}/players/${playerId}`)
      .then(setReport)
      .catch((err: unknown) => {
        const code = err instanceof ApiError ? err.code : 'INTERNAL_ERROR';
        if (code === 'UNAUTHORIZED') onBadKey();
        else setError(errorText(code));
      });
  }, [gameId, playerId]);

  if (!report) return <ErrorLine message={error} />;
  const [before, after] = tAround('studentTitle');
  const p = report.player;
  return (
    <section class="student-detail">
      <a href={`#/game/${gameId}`}>{t('back')}</a>
      <h1>
        {before}
        <Nick name={p.nickname} />
        {after}
      </h1>
      <p class="meta">
        {report.deckTitle} · {new Date(report.endedAt).toLocaleString()}
      </p>
      <p class="big">
        {t('rank', { rank: p.rank, total: report.totalPlayers })} · {t('points', { n: p.score })} · {t('correctCount', { n: p.correctCount })}
      </p>
      <h2>{t('studentToReview')}</h2>
      {report.sectionsToReview.length ? (
        <ul class="review-list">
          {report.sectionsToReview.map((s) => (
            <li class="review">{s}</li>
          ))}
        </ul>
      ) : (
        <p>{t('nothingToReview')}</p>
      )}
      <h2>{t('perQuestion')}</h2>
      <table class="student-answers">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('question')}</th>
            <th scope="col">{t('answerGiven')}</th>
            <th scope="col">{t('rightAnswer')}</th>
            <th scope="col">{t('pointsHeader')}</th>
            <th scope="col">{t('responseTime')}</th>
          </tr>
        </thead>
        <tbody>
          {report.questions.map((q) => (
            <tr class={!q.asked ? 'is-absent' : q.correct ? 'is-right' : 'is-wrong'}>
              <td>{q.index + 1}</td>
              <td>
                {q.prompt}
                <div class="meta">{q.section}</div>
              </td>
              <td>
                {!q.asked ? <em>{t('joinedLater')}</em> : q.answer === null ? <em>{t('notAnswered')}</em> : q.answer}{' '}
                <span class="verdict-mark">{q.answer === null ? '' : q.correct ? `✓ ${t('right')}` : `✗ ${t('wrong')}`}</span>
              </td>
              <td>{q.rightAnswer}</td>
              <td>{q.points}</td>
              <td>{q.responseMs === null ? '—' : t('seconds', { n: (q.responseMs / 1000).toFixed(1) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorLine message={error} />
    </section>
  );
}
