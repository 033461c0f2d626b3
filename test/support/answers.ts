import type { AnswerValue, Question } from '../../src/questions/question.js';

export function rightAnswer(q: Question): AnswerValue {
  switch (q.type) {
    case 'single':
    case 'truefalse':
      return q.correct[0]!;
    case 'multiple':
    case 'ordering':
      return [...q.correct];
    case 'typed':
      return ` ${q.accepted[0]!.toUpperCase()} `;
  }
}

export function wrongAnswer(q: Question): AnswerValue {
  switch (q.type) {
    case 'single':
    case 'truefalse':
      return (q.correct[0]! + 1) % q.options.length;
    case 'multiple':
      return [q.options.findIndex((_, i) => !q.correct.includes(i))];
    case 'ordering':
      return [...q.correct].reverse();
    case 'typed':
      return 'respuesta equivocada';
  }
}
