import type { Socket } from 'socket.io-client';
import { useEffect, useState } from 'preact/hooks';
import { Countdown, ErrorLine, Podium } from '../shared/components.js';
import { call, subscribe } from '../shared/connection.js';
import { errorText, t } from '../shared/i18n.js';
import type { GameOverView, PlayerResultView, PlayerSnapshot, QuestionView, RevealView } from '../shared/types.js';
import { AnswerPad } from './answer-pad.js';

const RETRYABLE = new Set<string>(['TRY_AGAIN', 'NETWORK']);
const MAX_ANSWER_ATTEMPTS = 15;
const RETRY_DELAY_MS = 1000;

interface View {
  phase: PlayerSnapshot['phase'];
  question: QuestionView | null;
  receivedAt: number;
  answered: boolean;
  reveal: RevealView | null;
  result: PlayerResultView | null;
  gameOver: GameOverView | null;
  paused: boolean;
  closedReason: 'kicked' | 'replaced' | null;
}

const fromSnapshot = (s: PlayerSnapshot, at: number): View => ({
  phase: s.phase,
  question: s.question,
  receivedAt: at,
  answered: s.answered,
  reveal: s.reveal,
  result: s.result,
  gameOver: s.gameOver,
  paused: s.paused,
  closedReason: null,
});

export function PlayerGame({ socket, initial, receivedAt, onLeave }: { socket: Socket; initial: PlayerSnapshot; receivedAt: number; onLeave: () => void }) {
  const [view, setView] = useState<View>(fromSnapshot(initial, receivedAt));
  const [error, setError] = useState<string | null>(null);
  const me = initial.me;

  useEffect(() => setView(fromSnapshot(initial, receivedAt)), [initial, receivedAt]);

  useEffect(() => {
    return subscribe(socket, {
      'question:open': (q) =>
        setView((v) => ({ ...v, phase: 'question', question: q, receivedAt: Date.now(), answered: false, reveal: null, result: null, paused: q.paused })),
      'game:paused': (p) =>
        setView((v) => ({ ...v, paused: true, question: v.question && { ...v.question, remainingMs: p.remainingMs }, receivedAt: Date.now() })),
      'game:resumed': (q) => setView((v) => ({ ...v, paused: false, question: q, receivedAt: Date.now() })),
      'question:reveal': (r) => setView((v) => ({ ...v, phase: 'reveal', reveal: r })),
      'player:result': (r) => setView((v) => ({ ...v, result: r })),
      'game:over': (g) => setView((v) => ({ ...v, phase: 'podium', gameOver: g })),
      'game:ended': () => setView((v) => ({ ...v, phase: 'ended' })),
      'player:kicked': () => setView((v) => ({ ...v, closedReason: 'kicked' })),
      'session:replaced': () => setView((v) => ({ ...v, closedReason: 'replaced' })),
    });
  }, [socket]);

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
      {(view.phase === 'podium' || view.phase === 'ended') && view.gameOver ? <FinalCard gameOver={view.gameOver} playerId={me.playerId} /> : null}
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

function FinalCard({ gameOver, playerId }: { gameOver: GameOverView; playerId: string }) {
  const mine = gameOver.leaderboard.find((p) => p.playerId === playerId);
  return (
    <div class="card final" aria-live="polite">
      {mine ? <p class="big">{t('finalRank', { rank: mine.rank, total: gameOver.leaderboard.length })}</p> : null}
      {mine ? <p>{t('points', { n: mine.score })} · {t('correctCount', { n: mine.correctCount })}</p> : null}
      <Podium podium={gameOver.podium} />
    </div>
  );
}
