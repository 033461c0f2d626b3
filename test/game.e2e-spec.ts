import { describe, expect, test } from '@jest/globals';
import { scoreAnswer } from '../src/game/engine/scoring.js';
import type { GameOverView, PlayerGameOverView, PlayerResultView, QuestionView, RevealView } from '../src/game/engine/index.js';
import type { JoinResult, ResumeResult } from '../src/protocol/index.js';
import { HistoryStore } from '../src/history/history-store.js';
import { loadDeckFile } from '../src/questions/deck-file.js';
import { composeRound } from '../src/questions/round-composer.js';
import type { Question } from '../src/questions/question.js';
import { rightAnswer, wrongAnswer } from './support/answers.js';
import { appForTests } from './support/e2e-app.js';
import type { QuizClient } from './support/quiz-client.js';

const DECK = 'tema1-virtualizacion';
const SEED = 20261126;
const COUNT = 6;
const TIME_LIMIT_MS = 8_000;
/** Fields that only a reveal may carry. */
const ANSWER_KEYS = /"(correct|accepted|explanation|points|distribution)"/;
const REVEAL_EVENTS = new Set(['question:reveal', 'player:result', 'game:over']);

/** The round the server composes for this seed, rebuilt from the same deck files. */
async function expectedRound(): Promise<Question[]> {
  const deck = await loadDeckFile(`content/decks/${DECK}.md`);
  return composeRound(deck.questions, { count: COUNT, seed: SEED });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a full game over real sockets', () => {
  const app = appForTests();
  const connect = () => app.connect();

  test('one host, four players, different answers and speeds, one phone reconnecting mid-question', async () => {
    const round = await expectedRound();
    const created = await app.server.api<{ gameId: string; pin: string; hostToken: string; joinUrl: string }>('POST', '/api/games', {
      deckId: DECK,
      questionCount: COUNT,
      seed: SEED,
      timeLimitSec: TIME_LIMIT_MS / 1000,
    });
    expect(created.status).toBe(201);
    const { gameId, pin, hostToken, joinUrl } = created.body;
    expect(joinUrl).toContain(`pin=${pin}`);

    const host = await connect();
    await host.ok('host:attach', { hostToken });
    const names = ['Ana', 'Beto', 'Carla', 'Dani'];
    const phones = await Promise.all(names.map(() => connect()));
    const joined = await Promise.all(phones.map((p, i) => p.ok<JoinResult>('player:join', { pin, nickname: names[i] })));
    expect(joined.map((j) => j.snapshot.phase)).toEqual(['lobby', 'lobby', 'lobby', 'lobby']);
    const lobby = await host.next<{ count: number }>('lobby:update', (l) => l.count === 4);
    expect(lobby.count).toBe(4);

    const opened: number[] = [];
    await host.ok('host:start');
    for (let i = 0; i < COUNT; i++) {
      const q = round[i]!;
      const view = await phones[0]!.next<QuestionView>('question:open', (v) => v.index === i);
      opened[i] = Date.now();
      expect(view).toMatchObject({ prompt: q.prompt, options: q.options, type: q.type });
      const answer = (p: QuizClient, a: unknown) => p.ok<{ received: true }>('player:answer', { questionIndex: i, answer: a });

      if (i === 1) {
        // Dani's phone locks mid-question: the socket drops, a new one resumes the same player.
        phones[3]!.close();
        await sleep(100);
        const fresh = await connect();
        const resumed = await fresh.ok<ResumeResult>('player:resume', { playerToken: joined[3]!.playerToken });
        expect(resumed.playerId).toBe(joined[3]!.playerId);
        expect(resumed.snapshot).toMatchObject({ phase: 'question', answered: false, question: { index: 1 } });
        expect(resumed.snapshot.question!.remainingMs).toBeLessThanOrEqual(TIME_LIMIT_MS);
        phones[3] = fresh;
      }
      expect(await answer(phones[0]!, rightAnswer(q))).toEqual({ received: true });
      expect(await answer(phones[0]!, wrongAnswer(q))).toEqual({ received: true }); // a repeat changes nothing
      await answer(phones[1]!, wrongAnswer(q));
      await sleep(700);
      await answer(phones[2]!, rightAnswer(q));
      await answer(phones[3]!, i % 2 ? rightAnswer(q) : wrongAnswer(q));

      const reveal = await host.next<RevealView>('question:reveal', (r) => r.index === i);
      expect(reveal).toMatchObject({ correct: q.correct, explanation: q.explanation, source: q.source });
      expect(reveal.source.section).toMatch(/^\d+\. /);
      const results = await Promise.all(phones.map((p) => p.next<PlayerResultView>('player:result', (r) => r.index === i)));
      expect(results.map((r) => r.correct)).toEqual([true, false, true, i % 2 === 1]);
      // A phone's reveal is its result: the class's counts and the explanation are the host's screen.
      for (const phone of phones) expect(phone.frames.map((f) => f.event)).not.toContain('question:reveal');
      await host.ok('host:next');
      if (i < COUNT - 1) await host.ok('host:next');
    }

    // The host gets the whole leaderboard; a phone its own standing and the podium.
    const over = await host.next<GameOverView>('game:over');
    expect(over.podium[0]!.nickname).toBe('Ana');
    expect(over.leaderboard.map((p) => p.nickname)).toEqual(['Ana', 'Carla', 'Dani', 'Beto']);
    const mine = await phones[1]!.next<PlayerGameOverView>('game:over');
    expect(mine).toEqual({
      // The same podium, each place as a phone shows it.
      podium: over.podium.map(({ playerId, nickname, score, correctCount, rank }) => ({ playerId, nickname, score, correctCount, rank })),
      me: over.leaderboard.find((p) => p.playerId === mine.me.playerId),
      total: 4,
      endReason: 'completed',
      historySaved: true,
    });

    // Every score follows the formula from the response times the server measured.
    const record = await app.server.app.get(HistoryStore).get(gameId);
    expect(record).not.toBeNull();
    for (const entry of record!.leaderboard) {
      let streak = 0;
      let total = 0;
      for (const [i, question] of record!.questions.entries()) {
        const given = question.answers.find((a) => a.playerId === entry.playerId);
        const expected = scoreAnswer({
          profile: 'classic',
          correct: given?.correct ?? false,
          responseMs: given?.responseMs ?? TIME_LIMIT_MS,
          timeLimitMs: TIME_LIMIT_MS,
          multiplier: 1,
          previousStreak: streak,
        });
        expect(given?.points ?? 0).toBe(expected.points);
        if (given) expect(given.responseMs).toBeLessThanOrEqual(Date.now() - opened[i]!);
        streak = expected.streak;
        total += expected.points;
      }
      expect(entry.score).toBe(total);
    }
    expect(record!.leaderboard.find((p) => p.nickname === 'Carla')!.score).toBeLessThan(record!.leaderboard.find((p) => p.nickname === 'Ana')!.score);

    // Nothing a phone or the host screen received before a reveal named the answer.
    for (const client of app.pool.clients) {
      for (const frame of client.frames.filter((f) => !REVEAL_EVENTS.has(f.event) && f.event !== 'leaderboard:update')) {
        expect(`${frame.event} ${JSON.stringify(frame.payload)}`).not.toMatch(ANSWER_KEYS);
      }
    }
  });
});
