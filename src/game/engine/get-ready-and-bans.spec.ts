import { describe, expect, test } from '@jest/globals';
import { everyTypeRound, testSettings } from '../../../test/support/fixtures.js';
import * as engine from './index.js';
import type { GameState } from './index.js';

const T0 = 1_000_000;
const DEVICE = 'device-0123456789abcdef';

function lobby(getReadyMs: number): GameState {
  const settings = testSettings({ getReadyMs, timeLimitMs: 20_000 });
  const game = engine.newGame({ id: 'g1', pin: '123456', hostSecretHash: 'x', settings, questions: everyTypeRound() }, T0);
  engine.setHostConnected(game, true, T0);
  engine.addPlayer(game, 'ana', 'Ana', T0, DEVICE);
  engine.addPlayer(game, 'beto', 'Beto', T0);
  return game;
}

const types = (events: engine.GameEvent[]) => events.map((e) => e.type);

describe('get ready: the question alone, then its options', () => {
  test('options are hidden and answers refused until they open; the clock starts then', () => {
    const game = lobby(3000);
    engine.startGame(game, T0);
    const ready = engine.questionView(game, T0);
    expect(ready).toMatchObject({ options: [], opensAt: T0 + 3000, deadlineAt: T0 + 23_000, remainingMs: 23_000 });
    expect(engine.nextTimerAt(game)).toBe(T0 + 3000);
    expect(() => engine.submitAnswer(game, 'ana', 0, 1, T0 + 2999)).toThrow(expect.objectContaining({ code: 'NOT_OPEN' }));

    expect(types(engine.advanceTime(game, T0 + 3000))).toEqual(['question-opened']);
    const open = engine.questionView(game, T0 + 3000);
    expect(open).toMatchObject({ opensAt: null, remainingMs: 20_000, deadlineAt: T0 + 23_000 });
    expect(open.options).toHaveLength(4);
    engine.submitAnswer(game, 'ana', 0, 1, T0 + 3400);
    // Response time counts from the opening of the options: full points under 500 ms.
    expect(game.answers[0]!.ana!.responseMs).toBe(400);
    expect(game.answers[0]!.ana!.points).toBe(1000);
  });

  test('pausing during get ready keeps the rest of it for after the pause', () => {
    const game = lobby(3000);
    engine.startGame(game, T0);
    engine.pauseGame(game, T0 + 1000);
    expect(engine.questionView(game, T0 + 5000).opensAt).toBe(T0 + 7000);
    engine.resumeGame(game, T0 + 10_000);
    expect(game.opensAt).toBe(T0 + 12_000);
    expect(engine.nextTimerAt(game)).toBe(T0 + 12_000);
    expect(game.deadlineAt).toBe(T0 + 32_000);
  });

  test('0 disables it: the options open with the question', () => {
    const game = lobby(0);
    engine.startGame(game, T0);
    expect(engine.questionView(game, T0)).toMatchObject({ opensAt: null, remainingMs: 20_000 });
    expect(() => engine.submitAnswer(game, 'ana', 0, 1, T0 + 10)).not.toThrow();
  });
});

describe('a kick bans the device', () => {
  test('the kicked device cannot join again under any name; other devices can', () => {
    const game = lobby(0);
    engine.kickPlayer(game, 'ana', T0 + 10);
    expect(() => engine.addPlayer(game, 'ana2', 'Ana Otra', T0 + 20, DEVICE)).toThrow(expect.objectContaining({ code: 'KICKED' }));
    expect(() => engine.addPlayer(game, 'carla', 'Ana', T0 + 20, 'another-device-0123456789')).not.toThrow();
  });

  test('a device id of the wrong shape is refused, prototype names included', () => {
    const game = lobby(0);
    for (const bad of ['__proto__', 'constructor', 'short', 'x'.repeat(65), 'has spaces in it 1234']) {
      expect(() => engine.addPlayer(game, 'p', 'Pat', T0, bad)).toThrow(expect.objectContaining({ code: 'INVALID_PAYLOAD' }));
    }
  });
});

describe('nicknames', () => {
  test('bidi controls, zero-width and other format characters are removed; NFC applies', () => {
    expect(engine.cleanNickname('Ana\u202Emol\u202C')).toBe('Anamol');
    expect(engine.cleanNickname('Be\u200Bto\u2066')).toBe('Beto');
    expect(engine.cleanNickname('Jose\u0301')).toBe('José');
    expect(() => engine.cleanNickname('\u200B\u202E')).toThrow(expect.objectContaining({ code: 'INVALID_PAYLOAD' }));
  });
});

describe('the gap to the player ahead', () => {
  test('each result names the nearest player with more points; a sole leader gets the margin', () => {
    const game = lobby(0);
    engine.addPlayer(game, 'carla', 'Carla', T0);
    engine.startGame(game, T0);
    engine.submitAnswer(game, 'ana', 0, 1, T0 + 100);
    engine.submitAnswer(game, 'beto', 0, 1, T0 + 10_000);
    engine.submitAnswer(game, 'carla', 0, 0, T0 + 10_000);
    const results = new Map(engine.playerResults(game));
    const ana = results.get('ana')!;
    const beto = results.get('beto')!;
    expect(ana).toMatchObject({ ahead: null, leadBy: 1000 - beto.points });
    expect(beto).toMatchObject({ ahead: { nickname: 'Ana', score: 1000 }, leadBy: null });
    expect(results.get('carla')).toMatchObject({ ahead: { nickname: 'Beto', score: beto.points } });
    // A resume computes the same gap without sorting the class.
    expect(engine.playerSnapshot(game, 'carla', T0 + 20_000).result).toMatchObject({ ahead: { nickname: 'Beto' }, leadBy: null });
    expect(engine.playerSnapshot(game, 'ana', T0 + 20_000).result).toMatchObject({ ahead: null, leadBy: 1000 - beto.points });
    expect(engine.leaderboardView(game).top.map((p) => p.roundPoints)).toEqual([1000, beto.points, 0]);
  });
});

describe('the reveal counts only who could answer, and breaks down typed and ordering answers', () => {
  test('a player who joined after a question was shown is not "unanswered" on it', () => {
    const game = lobby(0);
    engine.startGame(game, T0);
    engine.addPlayer(game, 'late', 'Late', T0 + 100);
    engine.skipQuestion(game);
    expect(engine.revealView(game).distribution).toMatchObject({ correct: 0, incorrect: 0, unanswered: 2 });
    engine.advance(game, T0 + 200);
    engine.advance(game, T0 + 300);
    engine.skipQuestion(game);
    expect(engine.revealView(game).distribution.unanswered).toBe(3);
  });

  test('typed: right answers and answers given by several players, never a lone wrong text', () => {
    const game = lobby(0);
    engine.addPlayer(game, 'c', 'C', T0);
    engine.addPlayer(game, 'd', 'D', T0);
    engine.startGame(game, T0);
    for (let i = 0; i < 3; i++) {
      engine.skipQuestion(game);
      engine.advance(game, T0);
      engine.advance(game, T0);
    }
    engine.submitAnswer(game, 'ana', 3, ' 1999 ', T0 + 10);
    engine.submitAnswer(game, 'beto', 3, '2001', T0 + 10);
    engine.submitAnswer(game, 'c', 3, '2001.', T0 + 10);
    engine.submitAnswer(game, 'd', 3, 'mi secreto', T0 + 10);
    expect(engine.revealView(game).typedAnswers).toEqual([
      { text: '2001', count: 2, correct: false },
      { text: '1999', count: 1, correct: true },
    ]);
    engine.advance(game, T0);
    engine.advance(game, T0);
    engine.submitAnswer(game, 'ana', 4, [1, 2, 0], T0 + 10);
    engine.submitAnswer(game, 'beto', 4, [1, 0, 2], T0 + 10);
    engine.skipQuestion(game);
    expect(engine.revealView(game).ordering).toEqual({ fullyRight: 1, answered: 2, positions: [2, 1, 1] });
  });
});

describe('offensive nicknames', () => {
  test.each(['puta madre', 'Cabrón', 'cabron', 'Shit head', 'sh1t', 'puta_madre'])('"%s" is refused', (name) => {
    expect(() => engine.cleanNickname(name)).toThrow(expect.objectContaining({ code: 'NICKNAME_REFUSED' }));
  });
  test.each(['Ana', 'Sofía', 'Análisis', 'Scunthorpe', 'Matías 2', 'Assassin'])('"%s" is fine', (name) => {
    expect(engine.cleanNickname(name)).toBe(name);
  });
});

describe('random names', () => {
  test('with the switch on, players get distinct friendly names and what they typed is never used', () => {
    const settings = testSettings({ randomNames: true, maxPlayers: 1000 });
    const game = engine.newGame({ id: 'g2', pin: '654321', hostSecretHash: 'x', settings, questions: everyTypeRound() }, T0);
    const names = new Set<string>();
    for (let i = 0; i < 600; i++) {
      engine.addPlayer(game, `player-${i}`, 'puta madre', T0);
      names.add(game.players[`player-${i}`]!.nickname);
    }
    expect(names.size).toBe(600);
    expect([...names].every((n) => /^\p{Lu}\p{L}+ \p{Lu}\p{L}+( \d+)?$/u.test(n))).toBe(true);
    expect([...names].some((n) => /puta/i.test(n))).toBe(false);
  });
});
