import { registerDecorator, type ValidationOptions } from 'class-validator';
import { LIMITS } from '../../protocol/limits.js';

const { typedAnswer: MAX_TYPED_ANSWER, choices: MAX_CHOICES } = LIMITS;

function isChoice(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < MAX_CHOICES;
}

/**
 * An answer is an option index, a list of distinct option indices, or typed
 * text. Whether its shape fits the open question is the engine's call
 * (INVALID_ANSWER); this only bounds what may cross the wire.
 */
export function IsAnswerValue(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isAnswerValue',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `answer must be an option index, a list of at most ${MAX_CHOICES} option indices, or text of at most ${MAX_TYPED_ANSWER} characters`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value === 'string') return value.length <= MAX_TYPED_ANSWER;
          if (Array.isArray(value)) return value.length >= 1 && value.length <= MAX_CHOICES && value.every(isChoice);
          return isChoice(value);
        },
      },
    });
}
