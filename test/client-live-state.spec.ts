import { describe, expect, test } from '@jest/globals';
import { onResult, settlePending, viewFromSnapshot, type PlayerView } from '../client/src/play/player-view.js';
import { bestOffset } from '../client/src/shared/server-clock.js';
import type { PlayerResultView, PlayerSnapshot, QuestionView } from '../src/game/engine/index.js';

const question = (index: number, opensAt: number | null = null): QuestionView => ({
  index,
  total: 3,
  type: 'single',
  prompt: 'P',
  options: opensAt === null ? ['a', 'b'] : [],
  multiplier: 1,
  timeLimitMs: 20_000,
  deadlineAt: 50_000,
  serverNow: 30_000,
  remainingMs: 20_000,
  paused: false,
  opensAt,
});

function snapshot(partial: Partial<PlayerSnapshot>): PlayerSnapshot {
  return {
    gameId: 'g',
    phase: 'question',
    paused: false,
    locked: false,
    questionCount: 3,
    question: question(1),
    reveal: null,
    gameOver: null,
    me: { playerId: 'p', nickname: 'Ana', score: 0, correctCount: 0, streak: 0, bestStreak: 0, rank: 1, previousRank: null, roundPoints: 0 },
    answered: false,
    result: null,
    ...partial,
  };
}

const pendingView = (questionIndex: number): PlayerView => ({ ...viewFromSnapshot(snapshot({})), pending: { questionIndex, value: 1, attempt: 7 } });

describe('what becomes of an answer caught by a dropped connection', () => {
  test('the server has it: received, nothing to send again', () => {
    const { view, resend } = settlePending(pendingView(1), viewFromSnapshot(snapshot({ answered: true })));
    expect([view.answered, view.pending, view.lostAnswerFor, resend]).toEqual([true, null, null, null]);
  });

  test('the question is still open: it is sent again', () => {
    const { view, resend } = settlePending(pendingView(1), viewFromSnapshot(snapshot({})));
    expect(resend).toMatchObject({ questionIndex: 1, value: 1 });
    expect(view.pending).toEqual(resend);
  });

  test('the question closed without it: reported as lost, never as received', () => {
    const { view, resend } = settlePending(pendingView(1), viewFromSnapshot(snapshot({ phase: 'reveal', question: null })));
    expect([view.answered, view.lostAnswerFor, resend]).toEqual([false, 1, null]);
    const next = settlePending(pendingView(1), viewFromSnapshot(snapshot({ question: question(2) })));
    expect(next.view.lostAnswerFor).toBe(1);
  });

  test('paused: nothing is sent; the pad comes back after the pause for a fresh tap', () => {
    const { view, resend } = settlePending(pendingView(1), viewFromSnapshot(snapshot({ paused: true })));
    expect([view.pending, view.lostAnswerFor, resend]).toEqual([null, null, null]);
  });

  test('nothing pending: the snapshot as it is', () => {
    const fresh = viewFromSnapshot(snapshot({}));
    expect(settlePending(null, fresh)).toEqual({ view: fresh, resend: null });
  });
});

describe('clock offset', () => {
  test('the sample with the shortest round trip wins', () => {
    expect(bestOffset([])).toBeNull();
    expect(
      bestOffset([
        { offsetMs: 40_120, roundTripMs: 300 },
        { offsetMs: 40_003, roundTripMs: 6 },
        { offsetMs: 39_900, roundTripMs: 90 },
      ]),
    ).toBe(40_003);
  });
});

describe("a phone's result, which is its reveal", () => {
  const result = (index: number, answered: boolean): PlayerResultView => ({
    index,
    answered,
    correct: answered,
    points: answered ? 900 : 0,
    score: answered ? 900 : 0,
    correctCount: answered ? 1 : 0,
    streak: answered ? 1 : 0,
    rank: answered ? 1 : 2,
    totalPlayers: 2,
    ahead: null,
    leadBy: null,
  });

  test('moves the phone to the reveal with its score and rank', () => {
    const view = onResult(viewFromSnapshot(snapshot({ answered: true })), result(1, true));
    expect([view.phase, view.result?.points, view.me.score, view.me.rank, view.lostAnswerFor]).toEqual(['reveal', 900, 900, 1, null]);
  });

  test('an answer still on its way that the result did not count is reported lost, never received', () => {
    const view = onResult(pendingView(1), result(1, false));
    expect([view.phase, view.pending, view.lostAnswerFor]).toEqual(['reveal', null, 1]);
  });

  test('an answer whose ack was still on its way but which the result counted is not lost', () => {
    const view = onResult(pendingView(1), result(1, true));
    expect([view.pending, view.lostAnswerFor]).toEqual([null, null]);
  });
});
