import type { Socket } from 'socket.io-client';
import { useEffect, useState } from 'preact/hooks';
import { subscribe } from '../shared/connection.js';
import type { PlayerGameOverView, PlayerResultView, PlayerSnapshot, QuestionView, RankedPlayer, RevealView } from '../shared/types.js';

/** What the phone shows, from the join/resume snapshot kept current by server events. */
export interface PlayerView {
  me: RankedPlayer;
  phase: PlayerSnapshot['phase'];
  question: QuestionView | null;
  /** When the question frame arrived: the countdown runs from here (no clock sync needed). */
  receivedAt: number;
  answered: boolean;
  reveal: RevealView | null;
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
    receivedAt: Date.now(),
    answered: s.answered,
    reveal: s.reveal,
    result: s.result,
    gameOver: s.gameOver,
    paused: s.paused,
    closedReason: null,
  };
}

type Update = (v: PlayerView) => PlayerView;

/**
 * The phone's game state, listening from the moment the page loads: an event
 * that arrives right after the join or resume ack (the teacher pressing
 * start at that instant) is never missed while the game view mounts.
 * Events before any snapshot (not joined yet) are ignored.
 */
export function usePlayerView(socket: Socket): [PlayerView | null, (next: PlayerView | null | Update) => void] {
  const [view, setView] = useState<PlayerView | null>(null);
  useEffect(() => {
    const on = (update: Update) => setView((v) => (v ? update(v) : v));
    return subscribe(socket, {
      'question:open': (q) =>
        on((v) => ({ ...v, phase: 'question', question: q, receivedAt: Date.now(), answered: false, reveal: null, result: null, paused: q.paused })),
      'game:paused': (p) =>
        on((v) => ({ ...v, paused: true, question: v.question && { ...v.question, remainingMs: p.remainingMs }, receivedAt: Date.now() })),
      'game:resumed': (q) => on((v) => ({ ...v, paused: false, question: q, receivedAt: Date.now() })),
      'question:reveal': (r) => on((v) => ({ ...v, phase: 'reveal', reveal: r })),
      'player:result': (r) => on((v) => ({ ...v, result: r })),
      // A phone's game:over is its own standing and the podium (docs/protocol.md).
      'game:over': (g) => on((v) => ({ ...v, phase: 'podium', gameOver: g as PlayerGameOverView })),
      'game:ended': () => on((v) => ({ ...v, phase: 'ended' })),
      'player:kicked': () => on((v) => ({ ...v, closedReason: 'kicked' })),
      'session:replaced': () => on((v) => ({ ...v, closedReason: 'replaced' })),
    });
  }, [socket]);
  const update = (next: PlayerView | null | Update) => setView((v) => (typeof next === 'function' ? (v ? next(v) : v) : next));
  return [view, update];
}
