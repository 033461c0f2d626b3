import type { QuestionView } from '../../src/game/engine/index.js';
import type { JoinResult } from '../../src/protocol/index.js';
import type { AnswerValue, Question } from '../../src/questions/question.js';
import { revealsEachOther } from '../../src/questions/round-overlap.js';
import type { RunningApp } from './e2e-app.js';
import { ClientPool } from './quiz-client.js';

/** The single-choice question the bank tests write as a teacher, in `section`. */
export function teacherQuestion(prompt: string, section: string): Question {
  return {
    id: 'own-test',
    kind: 'teacher',
    type: 'single',
    prompt,
    options: ['El hipervisor', 'El compilador', 'El cortafuegos'],
    correct: [0],
    accepted: [],
    explanation: 'El hipervisor gestiona y reparte los recursos físicos.',
    source: { section, slide: '', sentence: '' },
    tags: [section],
    difficulty: 2,
  };
}

/** Whether these questions can all be drawn into one round: none gives another's answer away (the composer's rule). */
export function shareARound(questions: readonly Question[]): boolean {
  return questions.every((a, i) => questions.slice(i + 1).every((b) => !revealsEachOther(a, b)));
}

/** The question of the bank a phone is shown, found by its prompt and options (which the round shuffles). */
export function bankQuestionOf(view: Pick<QuestionView, 'prompt' | 'options'>, bank: readonly Question[]): Question | undefined {
  const key = (prompt: string, options: string[]) => `${prompt}\u0000${[...options].sort().join('\u0000')}`;
  return bank.find((q) => key(q.prompt, q.options) === key(view.prompt, view.options));
}

/** The answer `q` keys as right, as a phone showing `view` sends it. */
export function answerAs(q: Question, view: Pick<QuestionView, 'options'>, correct: number[] = q.correct): AnswerValue {
  const at = (i: number) => view.options.indexOf(q.options[i]!);
  switch (q.type) {
    case 'single':
    case 'truefalse':
      return at(correct[0]!);
    case 'multiple':
      return correct.map(at).sort((a, b) => a - b);
    case 'ordering':
      return correct.map(at);
    case 'typed':
      return q.accepted[0]!;
  }
}

export type Decide = (view: QuestionView, player: number) => AnswerValue | null;

/**
 * A whole game with real sockets: every player answers as `decide` says
 * (null: no answer), the host closes each question and goes on to the podium.
 * Returns the prompts shown, in order.
 */
export async function playGame(server: RunningApp, created: { pin: string; hostToken: string }, players: number, decide: Decide): Promise<QuestionView[]> {
  const pool = new ClientPool();
  try {
    const host = await pool.connect(server.url);
    await host.ok('host:attach', { hostToken: created.hostToken });
    const phones = await Promise.all(Array.from({ length: players }, () => pool.connect(server.url)));
    await Promise.all(phones.map((p, i) => p.ok<JoinResult>('player:join', { pin: created.pin, nickname: `Alumno ${i + 1}` })));
    const started = await host.ok<{ questionCount: number }>('host:start');
    const shown: QuestionView[] = [];
    for (let i = 0; i < started.questionCount; i++) {
      if (i > 0) {
        await host.ok('host:next');
        await host.ok('host:next');
      }
      const view = await phones[0]!.next<QuestionView>('question:open', (v) => v.index === i);
      shown.push(view);
      let everyone = true;
      for (const [p, phone] of phones.entries()) {
        const answer = decide(view, p);
        if (answer !== null) await phone.ok('player:answer', { questionIndex: i, answer });
        else everyone = false;
      }
      // When everyone answered the question closes by itself (and the host stays under its rate limit).
      if (!everyone) await host.ok('host:skip');
      await host.next('question:reveal', (r: { index: number }) => r.index === i);
    }
    await host.ok('host:next');
    await host.next('game:over');
    return shown;
  } finally {
    pool.closeAll();
  }
}
