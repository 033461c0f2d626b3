import type { GameOverView, QuestionView } from '../../src/game/engine/index.js';
import type { JoinResult } from '../../src/protocol/index.js';
import { loadDeckFile } from '../../src/questions/deck-file.js';
import type { AnswerValue, Question, QuestionType } from '../../src/questions/question.js';
import { composeRound } from '../../src/questions/round-composer.js';
import { rightAnswer, wrongAnswer } from './answers.js';
import type { RunningApp } from './e2e-app.js';
import { ClientPool, type QuizClient } from './quiz-client.js';

export type Move = 'right' | 'wrong' | 'skip';

export interface GameRequest {
  deckId?: string;
  questionCount: number;
  seed: number;
  types?: QuestionType[];
  sections?: string[];
  timeLimitSec?: number;
}

/** The round the server composes for a request, rebuilt from the same deck file. */
export async function roundFor(req: GameRequest): Promise<Question[]> {
  const deck = await loadDeckFile(`content/decks/${req.deckId ?? 'tema1-virtualizacion'}.md`);
  return composeRound(deck.questions, { count: req.questionCount, seed: req.seed, types: req.types, sections: req.sections });
}

export function answerFor(q: Question, move: Move): AnswerValue | null {
  if (move === 'skip') return null;
  return move === 'right' ? rightAnswer(q) : wrongAnswer(q);
}

/**
 * A class in a real game: a host screen and one phone per nickname, all real
 * socket.io clients. `play` answers each question as planned
 * (plan[question][player]); players who skip let the host close the question.
 */
export class Classroom {
  private readonly pool = new ClientPool();
  host!: QuizClient;
  phones: QuizClient[] = [];
  joined: JoinResult[] = [];
  gameId = '';
  pin = '';
  hostToken = '';
  round: Question[] = [];

  constructor(
    private readonly server: RunningApp,
    private readonly request: GameRequest,
  ) {}

  async open(nicknames: string[]): Promise<this> {
    // Built before the game exists: a game nobody hosts yet is abandoned after ABANDON_AFTER_MS, which some tests keep short.
    this.round = await roundFor(this.request);
    const created = await this.server.api<{ gameId: string; pin: string; hostToken: string }>('POST', '/api/games', {
      deckId: 'tema1-virtualizacion',
      timeLimitSec: 30,
      ...this.request,
    });
    if (created.status !== 201) throw new Error(`create game: ${created.status} ${JSON.stringify(created.body)}`);
    Object.assign(this, created.body);
    this.host = await this.connect();
    await this.host.ok('host:attach', { hostToken: this.hostToken });
    this.phones = await Promise.all(nicknames.map(() => this.connect()));
    this.joined = await Promise.all(this.phones.map((p, i) => p.ok<JoinResult>('player:join', { pin: this.pin, nickname: nicknames[i] })));
    return this;
  }

  connect(): Promise<QuizClient> {
    return this.pool.connect(this.server.url);
  }

  /** Plays questions 0..plan.length-1; leaves the game on the reveal of the last one played. */
  async play(plan: Move[][]): Promise<void> {
    await this.host.ok('host:start');
    for (const [i, moves] of plan.entries()) {
      if (i > 0) {
        await this.host.ok('host:next');
        await this.host.ok('host:next');
      }
      await this.phones[0]!.next<QuestionView>('question:open', (v) => v.index === i);
      for (const [p, move] of moves.entries()) {
        const answer = answerFor(this.round[i]!, move);
        if (answer !== null) await this.phones[p]!.ok('player:answer', { questionIndex: i, answer });
      }
      if (moves.includes('skip')) await this.host.ok('host:skip');
      await this.host.next('question:reveal', (r: { index: number }) => r.index === i);
    }
  }

  /** From the last reveal to the podium. */
  async finish(): Promise<GameOverView> {
    await this.host.ok('host:next');
    return this.host.next<GameOverView>('game:over');
  }

  close(): void {
    this.pool.closeAll();
  }
}
