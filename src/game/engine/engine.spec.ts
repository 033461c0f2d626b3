import { beforeEach, describe, expect, test } from '@jest/globals';
import { everyTypeRound, testSettings } from '../../../test/support/fixtures.js';
import * as engine from './index.js';
import type { GameState } from './index.js';

const T0 = 1_000_000;
const rightAnswers = [1, [1, 0], 0, ' 1999 ', [1, 2, 0]] as const;
const wrongAnswers = [0, [0], 1, '1998', [0, 1, 2]] as const;

function lobby(players = ['ana', 'beto', 'carla']): GameState {
  const game = engine.newGame({ id: 'g1', pin: '123456', hostSecretHash: 'x', settings: testSettings(), questions: everyTypeRound() }, T0);
  engine.setHostConnected(game, true, T0);
  for (const name of players) engine.addPlayer(game, name, name.toUpperCase(), T0);
  return game;
}

const types = (events: engine.GameEvent[]) => events.map((e) => e.type);

describe('a whole game', () => {
  test('every type is graded and scored; the last reveal leads to the podium', () => {
    const game = lobby();
    let now = T0 + 1000;
    expect(types(engine.startGame(game, now))).toEqual(['question-opened']);
    for (let i = 0; i < game.questions.length; i++) {
      expect(game.phase).toBe('question');
      engine.submitAnswer(game, 'ana', i, rightAnswers[i] as never, now + 400);
      engine.submitAnswer(game, 'beto', i, rightAnswers[i] as never, now + 10_000);
      const last = engine.submitAnswer(game, 'carla', i, wrongAnswers[i] as never, now + 12_000);
      expect(types(last.events)).toEqual(['answer-recorded', 'question-closed']);
      expect(game.phase).toBe('reveal');
      now += 15_000;
      const next = engine.advance(game, now);
      if (i < game.questions.length - 1) {
        expect(types(next)).toEqual(['leaderboard-shown']);
        expect(types(engine.advance(game, now))).toEqual(['question-opened']);
      } else {
        expect(types(next)).toEqual(['game-over']);
      }
    }
    expect(game.phase).toBe('podium');
    expect(game.endReason).toBe('completed');
    // Ana: 1000 + 1100 + 1200 + 1300 + 1400; Beto: 750 + 850 + 950 + 1050 + 1150.
    expect(game.players.ana).toMatchObject({ score: 6000, correctCount: 5, streak: 5, bestStreak: 5 });
    expect(game.players.beto).toMatchObject({ score: 4750, correctCount: 5 });
    expect(game.players.carla).toMatchObject({ score: 0, correctCount: 0, streak: 0 });
    const over = engine.gameOverView(game);
    expect(over.podium.map((p) => [p.nickname, p.rank])).toEqual([
      ['ANA', 1],
      ['BETO', 2],
      ['CARLA', 3],
    ]);
    expect(types(engine.endGame(game, now))).toEqual(['game-ended']);
    expect(game.phase).toBe('ended');
  });
});

describe('answers', () => {
  let game: GameState;
  beforeEach(() => {
    game = lobby();
    engine.startGame(game, T0);
  });

  test('the first answer counts; a repeat is acknowledged the same and changes nothing', () => {
    engine.submitAnswer(game, 'ana', 0, 0, T0 + 1000);
    const again = engine.submitAnswer(game, 'ana', 0, 1, T0 + 2000);
    expect(again).toEqual({ duplicate: true, events: [] });
    expect(game.answers[0]!.ana).toMatchObject({ answer: 0, correct: false });
  });

  test('nothing reaches the totals before the reveal', () => {
    engine.submitAnswer(game, 'ana', 0, 1, T0 + 100);
    expect(game.players.ana!.score).toBe(0);
    expect(engine.playerSnapshot(game, 'ana', T0 + 200)).toMatchObject({ answered: true, result: null, reveal: null });
    expect(JSON.stringify(engine.playerSnapshot(game, 'ana', T0 + 200))).not.toContain('"correct"');
  });

  test('late answers are refused after the grace period; within it they count', () => {
    const deadline = T0 + 20_000;
    engine.submitAnswer(game, 'ana', 0, 1, deadline + 400);
    expect(() => engine.submitAnswer(game, 'beto', 0, 1, deadline + 501)).toThrow(expect.objectContaining({ code: 'TOO_LATE' }));
    expect(game.answers[0]!.ana!.points).toBe(500);
  });

  test('answers for another question index or a closed question are refused', () => {
    expect(() => engine.submitAnswer(game, 'ana', 1, 0, T0)).toThrow(expect.objectContaining({ code: 'NOT_OPEN' }));
    engine.skipQuestion(game);
    expect(() => engine.submitAnswer(game, 'ana', 0, 1, T0 + 10)).toThrow(expect.objectContaining({ code: 'TOO_LATE' }));
  });

  test('answers before the game starts are refused', () => {
    const fresh = lobby();
    expect(() => engine.submitAnswer(fresh, 'ana', 0, 1, T0)).toThrow(expect.objectContaining({ code: 'NOT_OPEN' }));
  });

  test('an answer that does not fit the question type is refused', () => {
    expect(() => engine.submitAnswer(game, 'ana', 0, [1], T0)).toThrow(expect.objectContaining({ code: 'INVALID_ANSWER' }));
    expect(() => engine.submitAnswer(game, 'ana', 0, 7, T0)).toThrow(expect.objectContaining({ code: 'INVALID_ANSWER' }));
    expect(game.answers[0]!.ana).toBeUndefined();
  });

  test('the question closes at its deadline plus grace, not before', () => {
    expect(engine.nextTimerAt(game)).toBe(T0 + 20_500);
    expect(engine.advanceTime(game, T0 + 20_499)).toEqual([]);
    expect(types(engine.advanceTime(game, T0 + 20_500))).toEqual(['question-closed']);
    expect(game.players.ana!.streak).toBe(0);
  });

  test('unknown and kicked players cannot answer', () => {
    expect(() => engine.submitAnswer(game, 'nobody', 0, 1, T0)).toThrow(expect.objectContaining({ code: 'NOT_PLAYER' }));
    engine.kickPlayer(game, 'beto', T0);
    expect(() => engine.submitAnswer(game, 'beto', 0, 1, T0)).toThrow(expect.objectContaining({ code: 'KICKED' }));
  });
});

describe('host commands', () => {
  test('skip closes the open question and keeps the answers already in', () => {
    const game = lobby();
    engine.startGame(game, T0);
    engine.submitAnswer(game, 'ana', 0, 1, T0 + 300);
    expect(types(engine.skipQuestion(game))).toEqual(['question-closed']);
    expect(game.players.ana!.score).toBe(1000);
    expect(() => engine.skipQuestion(game)).toThrow(expect.objectContaining({ code: 'WRONG_PHASE' }));
  });

  test('pause freezes the clock; paused time is not counted in response times', () => {
    const game = lobby();
    engine.startGame(game, T0);
    engine.pauseGame(game, T0 + 5_000);
    expect(engine.nextTimerAt(game)).toBeNull();
    expect(() => engine.submitAnswer(game, 'ana', 0, 1, T0 + 6_000)).toThrow(expect.objectContaining({ code: 'PAUSED' }));
    expect(engine.questionView(game, T0 + 60_000)).toMatchObject({ paused: true, remainingMs: 15_000 });
    engine.resumeGame(game, T0 + 65_000);
    expect(game.deadlineAt).toBe(T0 + 80_000);
    engine.submitAnswer(game, 'ana', 0, 1, T0 + 75_000);
    expect(game.answers[0]!.ana!.responseMs).toBe(15_000);
  });

  test('a kicked player leaves the leaderboard, frees the nickname and no longer holds the question open', () => {
    const game = lobby();
    engine.startGame(game, T0);
    engine.submitAnswer(game, 'ana', 0, 1, T0 + 100);
    engine.submitAnswer(game, 'beto', 0, 1, T0 + 100);
    expect(types(engine.kickPlayer(game, 'carla', T0 + 200))).toEqual(['player-kicked', 'lobby-changed', 'question-closed']);
    expect(engine.rankPlayers(game).map((p) => p.playerId)).toEqual(['ana', 'beto']);
    engine.setLocked(game, false);
    expect(() => engine.addPlayer(game, 'c2', 'carla', T0)).not.toThrow();
    expect(() => engine.kickPlayer(game, 'carla', T0 + 300)).toThrow(expect.objectContaining({ code: 'KICKED' }));
  });

  test('a locked lobby refuses new players', () => {
    const game = lobby();
    engine.setLocked(game, true);
    expect(() => engine.addPlayer(game, 'd', 'Dani', T0)).toThrow(expect.objectContaining({ code: 'GAME_LOCKED' }));
  });

  test('ending early scores the open question, then shows the podium', () => {
    const game = lobby();
    engine.startGame(game, T0);
    engine.submitAnswer(game, 'ana', 0, 1, T0 + 100);
    expect(types(engine.endGame(game, T0 + 200))).toEqual(['question-closed', 'game-over']);
    expect(game).toMatchObject({ phase: 'podium', endReason: 'ended-early' });
    expect(game.players.ana!.score).toBe(1000);
  });

  test('the game needs a player to start', () => {
    const game = lobby([]);
    expect(() => engine.startGame(game, T0)).toThrow(expect.objectContaining({ code: 'NO_PLAYERS' }));
  });

  test('next is refused while a question is open and in the lobby', () => {
    const game = lobby();
    expect(() => engine.advance(game, T0)).toThrow(expect.objectContaining({ code: 'WRONG_PHASE' }));
    engine.startGame(game, T0);
    expect(() => engine.advance(game, T0)).toThrow(expect.objectContaining({ code: 'WRONG_PHASE' }));
  });
});

describe('players', () => {
  test('nicknames are trimmed, 1-20 characters and unique without regard to case', () => {
    const game = lobby([]);
    engine.addPlayer(game, 'a', '  Ana  ', T0);
    expect(game.players.a!.nickname).toBe('Ana');
    expect(() => engine.addPlayer(game, 'b', 'ANA', T0)).toThrow(expect.objectContaining({ code: 'NICKNAME_TAKEN' }));
    expect(() => engine.addPlayer(game, 'c', '   ', T0)).toThrow(expect.objectContaining({ code: 'INVALID_PAYLOAD' }));
    expect(() => engine.addPlayer(game, 'd', 'x'.repeat(21), T0)).toThrow(expect.objectContaining({ code: 'INVALID_PAYLOAD' }));
  });

  test('a dropped phone holds the question open only for the reconnect grace', () => {
    const game = lobby();
    engine.startGame(game, T0);
    engine.submitAnswer(game, 'ana', 0, 1, T0 + 100);
    engine.submitAnswer(game, 'beto', 0, 1, T0 + 100);
    expect(types(engine.setPlayerConnected(game, 'carla', false, T0 + 1000))).toEqual(['lobby-changed']);
    expect(engine.progressView(game, T0 + 1000)).toMatchObject({ answered: 2, expected: 3 });
    expect(engine.nextTimerAt(game)).toBe(T0 + 4000);
    expect(engine.advanceTime(game, T0 + 3999)).toEqual([]);
    expect(types(engine.advanceTime(game, T0 + 4000))).toEqual(['question-closed']);
  });

  test('a phone back within the grace answers as usual; coming back keeps score and streak', () => {
    const game = lobby();
    engine.startGame(game, T0);
    for (const p of ['ana', 'beto', 'carla']) engine.submitAnswer(game, p, 0, 1, T0 + 100);
    engine.advance(game, T0 + 1000);
    engine.advance(game, T0 + 1000);
    engine.submitAnswer(game, 'beto', 1, [0, 1], T0 + 1100);
    engine.submitAnswer(game, 'carla', 1, [0, 1], T0 + 1100);
    engine.setPlayerConnected(game, 'ana', false, T0 + 1500);
    engine.setPlayerConnected(game, 'ana', true, T0 + 2500);
    expect(engine.advanceTime(game, T0 + 4500)).toEqual([]);
    const snapshot = engine.playerSnapshot(game, 'ana', T0 + 2600);
    expect(snapshot.me).toMatchObject({ score: 1000, streak: 1 });
    expect(snapshot).toMatchObject({ phase: 'question', answered: false, question: { index: 1, remainingMs: 18_400 } });
    expect(types(engine.submitAnswer(game, 'ana', 1, [0, 1], T0 + 2700).events)).toEqual(['answer-recorded', 'question-closed']);
  });

  test('ties share a rank', () => {
    const game = lobby();
    engine.startGame(game, T0);
    for (const p of ['ana', 'beto']) engine.submitAnswer(game, p, 0, 1, T0 + 100);
    engine.submitAnswer(game, 'carla', 0, 0, T0 + 100);
    expect(engine.rankPlayers(game).map((p) => p.rank)).toEqual([1, 1, 3]);
  });
});

describe('host absence', () => {
  test('an open question pauses when the host is gone for a while; a long absence abandons the game', () => {
    const game = lobby();
    engine.startGame(game, T0);
    engine.submitAnswer(game, 'ana', 0, 1, T0 + 100);
    engine.setHostConnected(game, false, T0 + 1000);
    expect(engine.nextTimerAt(game)).toBe(T0 + 16_000);
    expect(types(engine.advanceTime(game, T0 + 16_000))).toEqual(['paused']);
    expect(game.paused?.byHostAbsence).toBe(true);
    expect(engine.nextTimerAt(game)).toBe(T0 + 1000 + 30 * 60_000);
    expect(types(engine.advanceTime(game, T0 + 1000 + 30 * 60_000))).toEqual(['question-closed', 'game-over', 'game-ended']);
    expect(game).toMatchObject({ phase: 'ended', endReason: 'abandoned' });
    expect(game.players.ana!.score).toBe(1000);
  });

  test('a game the server restored ends as interrupted if its host never comes back, with the answers it had', () => {
    const game = lobby();
    engine.startGame(game, T0);
    engine.submitAnswer(game, 'ana', 0, 1, T0 + 100);
    engine.restoreGame(game, T0 + 2000);
    expect(game).toMatchObject({ restoredAt: T0 + 2000, hostConnected: false, hostLeftAt: T0 + 2000, paused: { remainingMs: 18_000 } });
    expect(Object.values(game.players).every((p) => !p.connected)).toBe(true);
    expect(engine.nextTimerAt(game)).toBe(T0 + 2000 + 30 * 60_000);
    expect(types(engine.advanceTime(game, T0 + 2000 + 30 * 60_000))).toEqual(['question-closed', 'game-over', 'game-ended']);
    expect(game).toMatchObject({ phase: 'ended', endReason: 'interrupted' });
    expect(game.players.ana!.score).toBe(1000);
  });

  test('once the host is back, a restored game is an ordinary one again: a later absence abandons it', () => {
    const game = lobby();
    engine.startGame(game, T0);
    engine.restoreGame(game, T0 + 2000);
    engine.setHostConnected(game, true, T0 + 5000);
    expect(game.restoredAt).toBeNull();
    engine.setHostConnected(game, false, T0 + 6000);
    engine.advanceTime(game, T0 + 6000 + 30 * 60_000);
    expect(game).toMatchObject({ phase: 'ended', endReason: 'abandoned' });
  });

  test('a restored lobby nobody comes back to ends as interrupted', () => {
    const game = lobby();
    engine.restoreGame(game, T0);
    engine.advanceTime(game, T0 + 30 * 60_000);
    expect(game).toMatchObject({ phase: 'ended', endReason: 'interrupted' });
  });
});

describe('counters kept with the players, so no event counts the class', () => {
  const recount = (game: GameState) => {
    const active = Object.values(game.players).filter((p) => !p.kicked);
    return { active: active.length, connected: active.filter((p) => p.connected).length, nicknames: Object.keys(game.nicknames).length };
  };

  test('joins, departures, returns and kicks keep the counts equal to a recount', () => {
    const game = lobby(['ana', 'beto', 'carla', 'dani']);
    engine.setPlayerConnected(game, 'beto', false, T0 + 10);
    engine.setPlayerConnected(game, 'beto', false, T0 + 11);
    engine.kickPlayer(game, 'carla', T0 + 20);
    engine.setPlayerConnected(game, 'dani', false, T0 + 30);
    engine.kickPlayer(game, 'dani', T0 + 40);
    engine.setPlayerConnected(game, 'beto', true, T0 + 50);
    engine.addPlayer(game, 'eva', 'Eva', T0 + 60);
    expect({ active: game.activeCount, connected: game.connectedCount, nicknames: game.activeCount }).toEqual(recount(game));
    expect(game.activeCount).toBe(3);
    expect(game.connectedCount).toBe(3);
  });

  test('ranks are stored at each reveal; a late joiner stands where a score of 0 stood', () => {
    const game = lobby();
    engine.startGame(game, T0 + 1000);
    engine.submitAnswer(game, 'ana', 0, rightAnswers[0], T0 + 1500);
    engine.submitAnswer(game, 'beto', 0, rightAnswers[0], T0 + 5000);
    engine.submitAnswer(game, 'carla', 0, wrongAnswers[0], T0 + 6000);
    expect(engine.rankPlayers(game).map((p) => [p.playerId, p.rank])).toEqual([
      ['ana', 1],
      ['beto', 2],
      ['carla', 3],
    ]);
    for (const entry of engine.rankPlayers(game)) expect(engine.rankOf(game, entry.playerId)).toEqual(entry);
    engine.addPlayer(game, 'dani', 'Dani', T0 + 7000);
    expect(engine.rankOf(game, 'dani').rank).toBe(3);
    expect(engine.rankOf(game, 'dani').previousRank).toBeNull();
  });

  test('a departure within the reconnect grace leaves the question open; the grace timer closes it', () => {
    const game = lobby(['ana', 'beto']);
    engine.startGame(game, T0 + 1000);
    engine.submitAnswer(game, 'ana', 0, rightAnswers[0], T0 + 1500);
    expect(engine.setPlayerConnected(game, 'beto', false, T0 + 2000).map((e) => e.type)).toEqual(['lobby-changed']);
    expect(game.phase).toBe('question');
    const graceEnd = engine.nextTimerAt(game)!;
    expect(graceEnd).toBe(T0 + 2000 + game.settings.reconnectGraceMs);
    expect(types(engine.advanceTime(game, graceEnd))).toContain('question-closed');
  });
});
