import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, download } from '../shared/api.js';
import { BarChart, ErrorLine, Nick } from '../shared/components.js';
import { currentLang, errorText, t } from '../shared/i18n.js';
import type { HistoryQuestion, HistoryRecord, HistoryReport } from '../shared/types.js';
import { bt } from '../bank/bank-texts.js';
import { ItemFlags } from '../bank/item-stats.js';
import { openReviewGame } from '../bank/review-game.js';

export function GameDetail({ gameId, onBadKey }: { gameId: string; onBadKey: () => void }) {
  const [record, setRecord] = useState<HistoryRecord | null>(null);
  const [report, setReport] = useState<HistoryReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) => {
    const code = err instanceof ApiError ? err.code : 'INTERNAL_ERROR';
    if (code === 'UNAUTHORIZED') onBadKey();
    else setError(errorText(code));
  };

  useEffect(() => {
    Promise.all([api<HistoryRecord>('GET', `/api/history/${gameId}`), api<HistoryReport>('GET', `/api/history/${gameId}/report`)])
      .then(([r, rep]) => {
        setRecord(r);
        setReport(rep);
      })
      .catch(fail);
  }, [gameId]);

  const remove = async () => {
    if (!confirm(t('deleteConfirm'))) return;
    await api('DELETE', `/api/history/${gameId}`).then(() => (location.hash = ''), fail);
  };

  if (!record || !report) return <ErrorLine message={error} />;
  const lang = currentLang();
  return (
    <section class="game-detail">
      <a href="#">{t('back')}</a>
      <h1>
        {record.deckTitle} · {new Date(record.endedAt).toLocaleString()} <span class="badge">{t(`endReason_${record.endReason}` as never)}</span>
      </h1>
      <div class="actions">
        <button type="button" onClick={() => download(`/api/history/${gameId}/export.csv?lang=${lang}`, `aulaquiz-${gameId}.csv`).catch(fail)}>
          {t('exportCsv')}
        </button>
        <button type="button" onClick={() => download(`/api/history/${gameId}/export.csv?lang=${lang}&sep=semicolon`, `aulaquiz-${gameId}.csv`).catch(fail)}>
          {t('exportCsvSemicolon')}
        </button>
        <button type="button" onClick={() => download(`/api/history/${gameId}/export.xlsx?lang=${lang}`, `aulaquiz-${gameId}.xlsx`).catch(fail)}>
          {t('exportXlsx')}
        </button>
        <button type="button" onClick={() => openReviewGame({ gameId }).catch(fail)}>
          {bt('reviewGame')}
        </button>
        <button type="button" class="danger" onClick={remove}>
          {t('deleteGame')}
        </button>
      </div>
      <h2>{t('leaderboard')}</h2>
      {/* Final standings, each name opening that student's page; no movement markers (there is no "last question" here). */}
      <ol class="leaderboard">
        {record.leaderboard.map((p) => (
          <li>
            <span class="rank">{p.rank}</span>
            <a class="name" href={`#/game/${gameId}/player/${p.playerId}`}>
              <Nick name={p.nickname} />
            </a>
            <span class="score">{p.score}</span>
            <span class="correct-count">{t('correctCount', { n: p.correctCount })}</span>
          </li>
        ))}
      </ol>
      <h2>{t('perSection')}</h2>
      <ul class="bars section-bars">
        {report.sections.map((s) => (
          <li class={`bar-row${report.sectionsToReview.includes(s.section) ? ' needs-review' : ''}`}>
            <span class="bar-label">{s.section}</span>
            <span class="bar-track">
              <span class="bar-fill" style={{ width: `${Math.round(s.correctRate * 100)}%` }} />
            </span>
            <span class="bar-count">{Math.round(s.correctRate * 100)} %</span>
          </li>
        ))}
      </ul>
      {report.sectionsToReview.length ? (
        <p class="review">
          {t('toReview')}: {report.sectionsToReview.join(', ')}
        </p>
      ) : null}
      <h2>{t('perQuestion')}</h2>
      {record.questions.map((q) => (
        <QuestionResult
          question={q}
          misconception={report.misconceptions.find((m) => m.index === q.index)}
          item={report.items.find((i) => i.questionId === q.questionId)}
        />
      ))}
      <ErrorLine message={error} />
    </section>
  );
}

function QuestionResult({
  question: q,
  misconception,
  item,
}: {
  question: HistoryQuestion;
  misconception?: HistoryReport['misconceptions'][number];
  item?: HistoryReport['items'][number];
}) {
  return (
    <article class="card question-result">
      <h3>
        {q.index + 1}. {q.prompt}
      </h3>
      <p class="meta">
        {q.source.section} · {Math.round(q.correctRate * 100)} %
      </p>
      {q.distribution.options.length ? (
        <BarChart labels={q.options} counts={q.distribution.options} correct={q.correct} />
      ) : (
        <p>
          {q.distribution.correct} {t('legendRight', { n: q.distribution.correct })} · {q.distribution.incorrect}{' '}
          {t('legendWrong', { n: q.distribution.incorrect })} · {q.distribution.unanswered} {t('legendNone')}
        </p>
      )}
      {misconception ? <p class="misconception">{t('misconception', { answer: misconception.answer, n: misconception.count })}</p> : null}
      {item ? <ItemFlags stats={item} /> : null}
    </article>
  );
}
