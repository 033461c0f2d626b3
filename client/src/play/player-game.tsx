import { useState } from 'preact/hooks';
import { Countdown, ErrorLine, Nick, Podium } from '../shared/components.js';
import { errorText, t, tAround } from '../shared/i18n.js';
import { useSecondsLeft } from '../shared/server-clock.js';
import { useFitToViewport } from '../shared/fit-to-viewport.js';
import type { PlayerGameOverView, PlayerResultView, QuestionView } from '../shared/types.js';
import { AnswerPad } from './answer-pad.js';
import type { AnswerValue, PlayerView } from './player-view.js';

/** Prompts longer than this are cut to two lines on the phone, full text one tap away: the options stay above the fold. */
const SHORT_PROMPT = 70;

/** The game on a phone; its state comes from `usePlayerView` in the page. */
export function PlayerGame(props: {
  view: PlayerView;
  online: boolean;
  onAnswer: (index: number, a: AnswerValue) => void;
  error: string | null;
  onLeave: () => void;
}) {
  const { view, online, onAnswer, error, onLeave } = props;
  if (view.closedReason === 'replaced') {
    return (
      <section class="card">
        <p class="big">{t('replaced')}</p>
        <button type="button" class="primary" onClick={onLeave}>
          {t('playAgain')}
        </button>
      </section>
    );
  }
  return (
    <section class="player" data-phase={view.phase}>
      <p class={view.phase === 'question' ? 'whoami sr-only' : 'whoami'}>
        {tAround('youAre')[0]}
        <Nick name={view.me.nickname} />
        {tAround('youAre')[1]}
      </p>
      {view.phase === 'lobby' ? <p class="card big">{t('waitingStart')}</p> : null}
      {view.phase === 'question' && view.question ? <QuestionPhone view={view} question={view.question} online={online} onAnswer={onAnswer} /> : null}
      {(view.phase === 'reveal' || view.phase === 'leaderboard') && view.result ? (
        <ResultCard result={view.result} lost={view.lostAnswerFor === view.result.index} />
      ) : null}
      {(view.phase === 'podium' || view.phase === 'ended') && view.gameOver ? <FinalCard gameOver={view.gameOver} /> : null}
      {view.phase === 'ended' && !view.gameOver ? <p class="card big">{t('gameEnded')}</p> : null}
      <ErrorLine message={error ? errorText(error) : null} />
    </section>
  );
}

/** What the phone's open-question screen and its answer area both take. */
interface OpenQuestionProps {
  view: PlayerView;
  question: QuestionView;
  online: boolean;
  onAnswer: (index: number, a: AnswerValue) => void;
}

function QuestionPhone({ view, question, online, onAnswer }: OpenQuestionProps) {
  const [full, setFull] = useState(false);
  const opensAt = question.opensAt;
  const getReady = opensAt !== null;
  // Long options shrink a little rather than push the last one below the fold (unless the full prompt is open).
  useFitToViewport('.question-phone', `${question.index}|${getReady}|${full}|${view.answered}|${Boolean(view.pending)}`, full ? 1 : 0.7);
  const long = question.prompt.length > SHORT_PROMPT;
  return (
    <div class="question-phone" data-type={question.type} data-state={getReady ? 'get-ready' : view.answered ? 'received' : view.pending ? 'sending' : 'open'}>
      <div class="question-head">
        <span>{t('questionOf', { n: question.index + 1, total: question.total })}</span>
        {getReady ? null : <Countdown question={question} paused={view.paused} />}
      </div>
      {getReady ? (
        <GetReady question={question} opensAt={opensAt} paused={view.paused} />
      ) : (
        <>
          <h1 class={`prompt${long && !full ? ' prompt-short' : ''}`}>{question.prompt}</h1>
          {long ? (
            <button type="button" class="link-button" aria-expanded={full} onClick={() => setFull(!full)}>
              {t('showFullQuestion')}
            </button>
          ) : null}
          {view.paused ? <p class="card">{t('paused')}</p> : null}
          <AnswerState view={view} question={question} online={online} onAnswer={onAnswer} />
        </>
      )}
    </div>
  );
}

function AnswerState({ view, question, online, onAnswer }: OpenQuestionProps) {
  if (view.answered) {
    return (
      <p class="card received">
        {t('received')} {t('waitReveal')}
      </p>
    );
  }
  if (view.pending) return <p class="card sending">{t('sending')}</p>;
  // While the connection is down (or not yet resumed) nothing can be sent: the buttons say so by being disabled.
  return <AnswerPad question={question} onAnswer={(a) => onAnswer(question.index, a)} disabled={view.paused || !online} />;
}

/** The question shown alone, counting down to `opensAt`: when its options open. */
function GetReady({ question, opensAt, paused }: { question: QuestionView; opensAt: number; paused: boolean }) {
  const seconds = useSecondsLeft(opensAt, paused ? Math.max(0, opensAt - question.serverNow) : null);
  return (
    <div class="get-ready">
      <p class="get-ready-title">{t('getReady')}</p>
      <h1 class="prompt">{question.prompt}</h1>
      <p class="get-ready-count" data-seconds={seconds}>
        {t('optionsIn', { n: seconds })}
      </p>
    </div>
  );
}

function ResultCard({ result, lost }: { result: PlayerResultView; lost: boolean }) {
  const verdict = !result.answered ? t('notAnswered') : result.correct ? t('right') : t('wrong');
  return (
    <div class={`card result ${result.correct ? 'is-right' : 'is-wrong'}`}>
      {lost ? <p class="lost">{t('answerLost')}</p> : null}
      <p class="verdict">{verdict}</p>
      {result.correct ? <p class="points">+{result.points}</p> : null}
      <p>{t('streak', { n: result.streak })}</p>
      <p>{t('total', { n: result.score })}</p>
      <p class="rank">{t('rank', { rank: result.rank, total: result.totalPlayers })}</p>
      <Gap result={result} />
    </div>
  );
}

/** "120 points behind Ana" / "you lead by 80": what a student wants to know after each question. */
function Gap({ result }: { result: PlayerResultView }) {
  if (result.ahead) {
    const [before, after] = tAround('pointsBehind', { n: result.ahead.score - result.score });
    return (
      <p class="gap">
        {before}
        <Nick name={result.ahead.nickname} />
        {after}
      </p>
    );
  }
  return result.leadBy !== null && result.leadBy > 0 ? <p class="gap">{t('youLead', { n: result.leadBy })}</p> : null;
}

function FinalCard({ gameOver }: { gameOver: PlayerGameOverView }) {
  const mine = gameOver.me;
  return (
    <div class="card final">
      <p class="big">{t('finalRank', { rank: mine.rank, total: gameOver.total })}</p>
      <p>
        {t('points', { n: mine.score })} · {t('correctCount', { n: mine.correctCount })}
      </p>
      <Podium podium={gameOver.podium} />
    </div>
  );
}
