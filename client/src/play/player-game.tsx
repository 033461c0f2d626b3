import type { Socket } from 'socket.io-client';
import { useState } from 'preact/hooks';
import { Countdown, ErrorLine, Podium } from '../shared/components.js';
import { call } from '../shared/connection.js';
import { errorText, t } from '../shared/i18n.js';
import type { PlayerGameOverView, PlayerResultView } from '../shared/types.js';
import { AnswerPad } from './answer-pad.js';
import type { PlayerView } from './player-view.js';

const RETRYABLE = new Set<string>(['TRY_AGAIN', 'NETWORK']);
const MAX_ANSWER_ATTEMPTS = 15;
const RETRY_DELAY_MS = 1000;

/** The game on a phone; its state comes from `usePlayerView` in the page. */
export function PlayerGame(props: { socket: Socket; view: PlayerView; setView: (u: (v: PlayerView) => PlayerView) => void; onLeave: () => void }) {
  const { socket, view, setView, onLeave } = props;
  const [error, setError] = useState<string | null>(null);
  const me = view.me;

  /**
   * An answer is either acknowledged (kept by the server) or refused. A
   * retryable refusal (server store briefly unavailable, connection lost) is
   * sent again by itself, so a Wi-Fi hiccup never loses a tap.
   */
  const answer = async (value: number | number[] | string) => {
    if (!view.question) return;
    const questionIndex = view.question.index;
    setError(null);
    setView((v) => ({ ...v, answered: true }));
    for (let attempt = 0; attempt < MAX_ANSWER_ATTEMPTS; attempt++) {
      const reply = await call(socket, 'player:answer', { questionIndex, answer: value });
      if (reply.ok) return setError(null);
      setError(errorText(reply.error.code));
      if (!RETRYABLE.has(reply.error.code)) return;
      await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
    }
    setView((v) => ({ ...v, answered: false }));
  };

  if (view.closedReason) {
    return (
      <section class="card" aria-live="assertive">
        <p class="big">{t(view.closedReason)}</p>
        <button type="button" class="primary" onClick={onLeave}>
          {t('playAgain')}
        </button>
      </section>
    );
  }

  return (
    <section class="player" data-phase={view.phase}>
      <p class="whoami">{t('youAre', { name: me.nickname })}</p>
      {view.phase === 'lobby' ? <p class="card big">{t('waitingStart')}</p> : null}
      {view.phase === 'question' && view.question ? (
        <div class="question-phone" data-type={view.question.type}>
          <div class="question-head">
            <span>{t('questionOf', { n: view.question.index + 1, total: view.question.total })}</span>
            <Countdown remainingMs={view.question.remainingMs} paused={view.paused} receivedAt={view.receivedAt} />
          </div>
          <h1 class="prompt">{view.question.prompt}</h1>
          {view.paused ? <p class="card">{t('paused')}</p> : null}
          {view.answered ? (
            <p class="card received" aria-live="polite">
              {t('received')} {t('waitReveal')}
            </p>
          ) : (
            <AnswerPad question={view.question} onAnswer={answer} disabled={view.paused} />
          )}
        </div>
      ) : null}
      {(view.phase === 'reveal' || view.phase === 'leaderboard') && view.result ? <ResultCard result={view.result} /> : null}
      {(view.phase === 'podium' || view.phase === 'ended') && view.gameOver ? <FinalCard gameOver={view.gameOver} /> : null}
      {view.phase === 'ended' && !view.gameOver ? <p class="card big">{t('gameEnded')}</p> : null}
      <ErrorLine message={error} />
    </section>
  );
}

function ResultCard({ result }: { result: PlayerResultView }) {
  const verdict = !result.answered ? t('notAnswered') : result.correct ? t('right') : t('wrong');
  return (
    <div class={`card result ${result.correct ? 'is-right' : 'is-wrong'}`} aria-live="polite">
      <p class="verdict">{verdict}</p>
      {result.correct ? <p class="points">+{result.points}</p> : null}
      <p>{t('streak', { n: result.streak })}</p>
      <p>{t('total', { n: result.score })}</p>
      <p class="rank">{t('rank', { rank: result.rank, total: result.totalPlayers })}</p>
    </div>
  );
}

function FinalCard({ gameOver }: { gameOver: PlayerGameOverView }) {
  const mine = gameOver.me;
  return (
    <div class="card final" aria-live="polite">
      {mine ? <p class="big">{t('finalRank', { rank: mine.rank, total: gameOver.total })}</p> : null}
      {mine ? <p>{t('points', { n: mine.score })} · {t('correctCount', { n: mine.correctCount })}</p> : null}
      <Podium podium={gameOver.podium} />
    </div>
  );
}
