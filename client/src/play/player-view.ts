import { useEffect, useRef, useState } from 'preact/hooks';
import { subscribe, type GameSocket } from '../shared/connection.js';
import type { PlayerGameOverView, PlayerResultView, PlayerSnapshot, QuestionView, RankedPlayer } from '../shared/types.js';

export type AnswerValue = number | number[] | string;

/** An answer tapped but not yet acknowledged by the server. `attempt` tells a stale ack from the current one. */
export interface PendingAnswer {
  questionIndex: number;
  value: AnswerValue;
  attempt: number;
}

/** What the phone shows, from the join/resume snapshot kept current by server events. */
export interface PlayerView {
  me: RankedPlayer;
  phase: PlayerSnapshot['phase'];
  question: QuestionView | null;
  /** The server acknowledged this player's answer to the open question: only then is it "received". */
  answered: boolean;
  pending: PendingAnswer | null;
  /** Index of a question whose answer never reached the server before it closed: the phone says so plainly. */
  lostAnswerFor: number | null;
  result: PlayerResultView | null;
  gameOver: PlayerGameOverView | null;
  paused: boolean;
  closedReason: 'kicked' | 'replaced' | null;
}

export function viewFromSnapshot(s: PlayerSnapshot): PlayerView {
  return {
    me: s.me,
    phase: s.phase,
    question: s.question,
    answered: s.answered,
    pending: null,
    lostAnswerFor: null,
    result: s.result,
    gameOver: s.gameOver,
    paused: s.paused,
    closedReason: null,
  };
}

/**
 * After a resume, what became of an answer that was on its way when the
 * connection dropped: the server has it (received), the question is still
 * open (keep it pending: the caller sends it again), or the question closed
 * without it (lost, and the phone says so).
 */
export function settlePending(before: PlayerView | null, next: PlayerView): { view: PlayerView; resend: PendingAnswer | null } {
  const pending = before?.pending;
  if (!pending || next.answered) return { view: next, resend: null };
  const stillOpen = next.phase === 'question' && next.question?.index === pending.questionIndex && next.question.opensAt === null;
  if (stillOpen && !next.paused) return { view: { ...next, pending }, resend: pending };
  // Paused: the pad shows again after the pause, for a fresh tap.
  if (stillOpen) return { view: next, resend: null };
  return { view: { ...next, lostAnswerFor: pending.questionIndex }, resend: null };
}

type Update = (v: PlayerView) => PlayerView;

function onQuestionOpen(v: PlayerView, q: QuestionView): PlayerView {
  // The same question again means its options just opened after "get ready": nothing else changes.
  if (v.phase === 'question' && v.question?.index === q.index) return { ...v, question: q, paused: q.paused };
  return { ...v, phase: 'question', question: q, answered: false, pending: null, lostAnswerFor: null, result: null, paused: q.paused };
}

/**
 * The phone's result is its reveal (the whole reveal is the host's screen). An answer still on its way that the
 * result says was not counted is lost: the phone says so plainly.
 */
export function onResult(v: PlayerView, r: PlayerResultView): PlayerView {
  const lost = v.pending?.questionIndex === r.index && !r.answered ? r.index : v.lostAnswerFor;
  return { ...v, phase: 'reveal', result: r, me: { ...v.me, score: r.score, rank: r.rank }, pending: null, lostAnswerFor: lost };
}

/**
 * The phone's game state, listening from the moment the page loads: an event
 * that arrives right after the join or resume ack (the teacher pressing
 * start at that instant) is never missed while the game view mounts.
 * Events before any snapshot (not joined yet) are ignored. The ref always
 * holds the latest view, for decisions taken outside a render (resume).
 */
export function usePlayerView(socket: GameSocket): [PlayerView | null, (next: PlayerView | null | Update) => void, { current: PlayerView | null }] {
  const [view, setViewState] = useState<PlayerView | null>(null);
  const ref = useRef<PlayerView | null>(null);
  const update = (next: PlayerView | null | Update) => {
    ref.current = typeof next === 'function' ? (ref.current ? next(ref.current) : null) : next;
    setViewState(ref.current);
  };
  useEffect(() => {
    const on = (change: Update) => update((v) => change(v));
    return subscribe(socket, {
      'question:open': (q) => on((v) => onQuestionOpen(v, q)),
      'game:paused': (p) => on((v) => ({ ...v, paused: true, question: v.question && { ...v.question, remainingMs: p.remainingMs } })),
      'game:resumed': (q) => on((v) => ({ ...v, paused: false, question: q })),
      'player:result': (r) => on((v) => onResult(v, r)),
      // A phone's game:over is its own standing and the podium (docs/protocol.md).
      'game:over': (g) => on((v) => ({ ...v, phase: 'podium', gameOver: g as PlayerGameOverView })),
      'game:ended': () => on((v) => ({ ...v, phase: 'ended' })),
      'player:kicked': () => on((v) => ({ ...v, closedReason: 'kicked' })),
      'session:replaced': () => on((v) => ({ ...v, closedReason: 'replaced' })),
    });
  }, [socket]);
  return [view, update, ref];
}
