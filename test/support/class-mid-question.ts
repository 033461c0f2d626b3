import type { QuestionView } from '../../src/game/engine/index.js';
import type { JoinResult } from '../../src/protocol/index.js';
import type { Question } from '../../src/questions/question.js';
import type { GameRequest } from './classroom.js';
import { rightAnswer } from './answers.js';
import { startBuiltServer, type BuiltServer } from './built-server.js';
import { roundFor } from './classroom.js';
import type { ClientPool, QuizClient } from './quiz-client.js';

export interface ClassMidQuestion {
  server: BuiltServer;
  round: Question[];
  game: { gameId: string; pin: string; hostToken: string };
  host: QuizClient;
  phones: QuizClient[];
  joined: JoinResult[];
}

/**
 * A built server (`npm start`) with a class of three in question 0: P0 answered right, P1 wrong,
 * P2 not yet — the state the restart and crash suites stop the server in. The server is pushed
 * onto `servers` as soon as it runs, so the suite's teardown stops it even if a later step fails.
 */
export async function classMidQuestion(pool: ClientPool, servers: BuiltServer[], env: Record<string, string>, request: GameRequest): Promise<ClassMidQuestion> {
  const round = await roundFor(request);
  const server = await startBuiltServer(env);
  servers.push(server);
  const { body: game } = await server.api<ClassMidQuestion['game']>('POST', '/api/games', { deckId: 'tema1-virtualizacion', timeLimitSec: 60, ...request });
  const host = await pool.connect(server.url);
  await host.ok('host:attach', { hostToken: game.hostToken });
  const phones = await Promise.all([0, 1, 2].map(() => pool.connect(server.url)));
  const joined = await Promise.all(phones.map((p, i) => p.ok<JoinResult>('player:join', { pin: game.pin, nickname: `P${i}` })));
  await host.ok('host:start');
  await host.next<QuestionView>('question:open', (q) => q.index === 0);
  const right = rightAnswer(round[0]!) as number;
  await phones[0]!.ok('player:answer', { questionIndex: 0, answer: right });
  await phones[1]!.ok('player:answer', { questionIndex: 0, answer: right === 0 ? 1 : 0 });
  return { server, round, game, host, phones, joined };
}
