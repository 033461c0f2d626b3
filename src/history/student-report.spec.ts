import { describe, expect, test } from '@jest/globals';
import { rightAnswer } from '../../test/support/answers.js';
import { everyTypeRound, testSettings } from '../../test/support/fixtures.js';
import * as engine from '../game/engine/index.js';
import { buildHistoryRecord } from './history-record.js';
import { buildStudentReport } from './student-report.js';

const T0 = 1_000_000;

/** Ana plays from the start; Beto joins while question 1 is open and answers question 2 right. */
function lateJoinerGame() {
  const game = engine.newGame(
    { id: 'g1', pin: '123456', hostSecretHash: 'x', settings: testSettings({ timeLimitMs: 20_000 }), questions: everyTypeRound() },
    T0,
  );
  engine.setHostConnected(game, true, T0);
  engine.addPlayer(game, 'ana', 'Ana', T0);
  engine.startGame(game, T0);
  engine.addPlayer(game, 'beto', 'Beto', T0 + 1000);
  engine.skipQuestion(game);
  engine.advance(game, T0 + 2000);
  engine.advance(game, T0 + 3000);
  engine.submitAnswer(game, 'beto', 1, rightAnswer(game.questions[1]!), T0 + 3500);
  engine.endGame(game, T0 + 4000);
  return game;
}

describe('a student who joined after a question was shown', () => {
  test('the record says who could not answer it', () => {
    const record = buildHistoryRecord(lateJoinerGame());
    expect(record.questions[0]!.joinedLater).toEqual(['beto']);
    expect(record.questions[1]!.joinedLater).toEqual([]);
  });

  test('their page does not count it as unanswered, nor in their sections', () => {
    const report = buildStudentReport(buildHistoryRecord(lateJoinerGame()), 'beto');
    expect(report.questions.map((q) => [q.asked, q.answer === null, q.correct])).toEqual([
      [false, true, false],
      [true, false, true],
    ]);
    expect(report.sections.reduce((sum, s) => sum + s.questions, 0)).toBe(1);
    expect(report.sectionsToReview).toEqual([]);
    // Ana was there from the start: her missed first question counts.
    expect(buildStudentReport(buildHistoryRecord(lateJoinerGame()), 'ana').questions[0]).toMatchObject({ asked: true, answer: null });
  });
});
