import { describe, expect, test } from '@jest/globals';
import { everyTypeRound, testSettings } from '../../../test/support/fixtures.js';
import * as engine from './index.js';
import type { GameState } from './index.js';

const T0 = 1_000_000;

/** A class of `size` whose first answers land at different moments, with ties (wrong answers, equal times). */
function revealedClass(size: number): GameState {
  const settings = testSettings({ getReadyMs: 0, timeLimitMs: 20_000 });
  const game = engine.newGame({ id: 'g1', pin: '123456', hostSecretHash: 'x', settings, questions: everyTypeRound() }, T0);
  engine.setHostConnected(game, true, T0);
  for (let i = 0; i < size; i++) engine.addPlayer(game, `p${i}`, `Player ${i}`, T0);
  engine.startGame(game, T0);
  // As in the gap test of get-ready-and-bans.spec: option 1 is right, 0 wrong.
  for (let i = 0; i < size; i++) engine.submitAnswer(game, `p${i}`, 0, i % 3 === 0 ? 0 : 1, T0 + 100 + (i % 7) * 1000);
  expect(game.phase).toBe('reveal');
  return game;
}

/** A player who must exist (indexing alone may find none). */
function playerOf(game: GameState, id: string): engine.PlayerState {
  const player = game.players[id];
  if (!player) throw new Error(`no player ${id}`);
  return player;
}

/** The gap by its definition, from scratch: the nearest higher score, and a sole leader's margin. */
function expectedGap(game: GameState, playerId: string): { aheadScore: number | null; leadBy: number | null } {
  const players = Object.values(game.players).filter((p) => !p.kicked);
  const me = playerOf(game, playerId);
  const higher = players.filter((p) => p.score > me.score).map((p) => p.score);
  if (higher.length > 0) return { aheadScore: Math.min(...higher), leadBy: null };
  const others = players.filter((p) => p.id !== playerId).map((p) => p.score);
  const tied = others.includes(me.score);
  return { aheadScore: null, leadBy: !tied && others.length > 0 ? me.score - Math.max(...others) : null };
}

describe('standings sorted once, looked up after', () => {
  test("each result's gap is the nearest higher score (or a sole leader's margin), the same at the reveal and on a resume", () => {
    const game = revealedClass(40);
    const results = new Map(engine.playerResults(game));
    for (const id of Object.keys(game.players)) {
      const atReveal = results.get(id)!;
      const onResume = engine.playerSnapshot(game, id, T0 + 30_000).result!;
      expect({ ahead: onResume.ahead, leadBy: onResume.leadBy }).toEqual({ ahead: atReveal.ahead, leadBy: atReveal.leadBy });
      const expected = expectedGap(game, id);
      expect({ aheadScore: atReveal.ahead?.score ?? null, leadBy: atReveal.leadBy }).toEqual(expected);
    }
  });

  test('leaders tied at the top get no margin, whichever of them', () => {
    const game = revealedClass(2);
    const [a, b] = [playerOf(game, 'p0'), playerOf(game, 'p1')];
    a.score = b.score = 500;
    engine.rosterChanged(game);
    for (const id of ['p0', 'p1']) expect(new Map(engine.playerResults(game)).get(id)).toMatchObject({ ahead: null, leadBy: null });
  });

  test('a kick and a join move the ranking on; the leaderboard and the podium follow', () => {
    const game = revealedClass(9);
    const [leader] = engine.leaderboardView(game).top;
    if (!leader) throw new Error('no leader');
    expect(engine.rankPlayers(game)).toHaveLength(9);
    engine.kickPlayer(game, leader.playerId, T0 + 31_000);
    expect(engine.leaderboardView(game)).toMatchObject({ total: 8 });
    expect(engine.leaderboardView(game).top.map((p) => p.playerId)).not.toContain(leader.playerId);
    engine.addPlayer(game, 'late', 'Late', T0 + 32_000);
    const ranked = engine.rankPlayers(game);
    expect(ranked).toHaveLength(9);
    expect(ranked.find((p) => p.playerId === 'late')).toMatchObject({ score: 0, rank: ranked.find((p) => p.score === 0)?.rank });
    // Still a rank stored at the last reveal: the newcomers' rank.
    expect(engine.rankOf(game, 'late').rank).toBe(game.newcomerRank);
  });

  test("a reveal stores each rank, the rank before it and the newcomers' rank as the ranking has them", () => {
    const game = revealedClass(30);
    const before = new Map(Object.values(game.players).map((p) => [p.id, p.rank]));
    engine.advance(game, T0 + 40_000);
    engine.advance(game, T0 + 41_000);
    // Nobody answers the second question; some scores move (as points would) so the ranks change at its reveal.
    for (let i = 0; i < 30; i += 4) playerOf(game, `p${i}`).score += 700 + i;
    engine.skipQuestion(game);
    expect(game.phase).toBe('reveal');
    const ranked = engine.rankPlayers(game);
    for (const entry of ranked) expect(playerOf(game, entry.playerId)).toMatchObject({ rank: entry.rank, previousRank: before.get(entry.playerId) });
    expect(game.newcomerRank).toBe(ranked.find((p) => p.score <= 0)?.rank ?? ranked.length + 1);
  });

  test('a host snapshot at the podium carries the top ten and the same podium as the whole game:over', () => {
    const game = revealedClass(25);
    // Three-way tie on top: the podium can hold more than three players.
    for (const id of ['p3', 'p7', 'p11']) playerOf(game, id).score = 5000;
    engine.rosterChanged(game);
    engine.endGame(game, T0 + 41_000);
    const whole = engine.gameOverView(game);
    const snapshot = engine.hostSnapshot(game, T0 + 42_000);
    expect(snapshot.gameOver).toEqual({ ...whole, leaderboard: whole.leaderboard.slice(0, engine.LEADERBOARD_TOP) });
    expect(snapshot.gameOver?.total).toBe(25);
    expect(snapshot.leaderboard).toEqual({ top: whole.leaderboard.slice(0, engine.LEADERBOARD_TOP), total: 25 });
  });

  test("a closed question's reveal is built once per roster: snapshots reuse it, a kick or a join counts again", () => {
    const settings = testSettings({ getReadyMs: 0, timeLimitMs: 20_000 });
    const game = engine.newGame({ id: 'g3', pin: '223456', hostSecretHash: 'x', settings, questions: everyTypeRound() }, T0);
    engine.setHostConnected(game, true, T0);
    for (const id of ['a', 'b', 'c']) {
      engine.addPlayer(game, id, `Name ${id}`, T0);
      engine.setPlayerConnected(game, id, true, T0);
    }
    engine.startGame(game, T0);
    engine.submitAnswer(game, 'a', 0, 1, T0 + 100);
    engine.submitAnswer(game, 'b', 0, 0, T0 + 200);
    engine.skipQuestion(game);
    const first = engine.revealView(game);
    expect(first.distribution).toMatchObject({ correct: 1, incorrect: 1, unanswered: 1 });
    expect(engine.hostSnapshot(game, T0 + 300).reveal).toBe(first);
    expect(engine.playerSnapshot(game, 'a', T0 + 300).reveal).toBe(first);
    engine.kickPlayer(game, 'c', T0 + 400);
    expect(engine.revealView(game).distribution).toMatchObject({ correct: 1, incorrect: 1, unanswered: 0 });
    // A player who joins after the question was asked could not answer it: not "unanswered", but counted afresh.
    engine.addPlayer(game, 'd', 'Name d', T0 + 500);
    expect(engine.revealView(game)).toEqual(engine.revealView(structuredClone(game)));
    expect(engine.revealView(game).distribution.unanswered).toBe(0);
  });

  test('a state changed from outside the engine (another instance, a replay) drops its kept reveal with forgetKeptViews', () => {
    const settings = testSettings({ getReadyMs: 0, timeLimitMs: 20_000 });
    const game = engine.newGame({ id: 'g4', pin: '323456', hostSecretHash: 'x', settings, questions: everyTypeRound() }, T0);
    for (const id of ['a', 'b', 'c']) {
      engine.addPlayer(game, id, `Name ${id}`, T0);
      engine.setPlayerConnected(game, id, true, T0);
    }
    engine.startGame(game, T0);
    engine.submitAnswer(game, 'a', 0, 1, T0 + 100);
    engine.skipQuestion(game);
    expect(engine.revealView(game).distribution.unanswered).toBe(2);
    // As a store applies what another instance wrote: 'c' kicked there, no counter of this copy moved.
    playerOf(game, 'c').kicked = true;
    engine.forgetKeptViews(game);
    expect(engine.revealView(game).distribution.unanswered).toBe(1);
  });

  test('the podium is the stored ranks 1 to 3, in ranking order', () => {
    const game = revealedClass(12);
    engine.advance(game, T0 + 40_000);
    engine.endGame(game, T0 + 41_000);
    const over = engine.gameOverView(game);
    const snapshot = engine.playerSnapshot(game, 'p5', T0 + 42_000);
    expect(snapshot.gameOver?.podium).toEqual(over.podium.map(engine.podiumEntry));
    // What a phone's podium place carries: what it shows, nothing more.
    expect(Object.keys(snapshot.gameOver?.podium[0] ?? {}).sort()).toEqual(['correctCount', 'nickname', 'playerId', 'rank', 'score']);
    expect(engine.playerGameOverView(over, engine.rankOf(game, 'p5'))).toEqual({ ...snapshot.gameOver, total: over.total });
  });

  test("ties are broken by the collator's order of names, kept as players join, and the same for a state read back", () => {
    const settings = testSettings({ getReadyMs: 0, timeLimitMs: 20_000 });
    const game = engine.newGame({ id: 'g2', pin: '654321', hostSecretHash: 'x', settings, questions: everyTypeRound() }, T0);
    const names = ['zoë', 'Álvaro', 'beto', 'Ana', 'ana maría', 'Zeta', 'émile', 'Óscar', 'carla', 'Ñandú', 'nadia', 'Bob'];
    names.forEach((name, i) => engine.addPlayer(game, `id${i}`, name, T0));
    const byCollator = [...names].sort(new Intl.Collator().compare);
    expect(engine.rankPlayers(game).map((p) => p.nickname)).toEqual(byCollator);
    const readBack = JSON.parse(JSON.stringify(game)) as GameState;
    expect(engine.rankPlayers(readBack).map((p) => p.nickname)).toEqual(byCollator);
    engine.addPlayer(readBack, 'late', 'Lola', T0);
    expect(engine.rankPlayers(readBack).map((p) => p.nickname)).toEqual([...byCollator, 'Lola'].sort(new Intl.Collator().compare));
  });
});
