import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError, type ValidationPipeOptions } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { validateSync, type ValidatorOptions } from 'class-validator';
import { payloadShapeProblem } from './payload-shape.js';

/** "nickname must be 1 to 20 characters; property foo should not exist" */
export function describeValidationErrors(errors: ValidationError[], parent = ''): string {
  return errors
    .flatMap((e) => {
      const path = parent ? `${parent}.${e.property}` : e.property;
      const own = Object.values(e.constraints ?? {});
      const nested = e.children?.length ? [describeValidationErrors(e.children, path)] : [];
      return [...own, ...nested];
    })
    .join('; ');
}

const strict = { whitelist: true, forbidNonWhitelisted: true, transform: true, forbidUnknownValues: true } as const;

/** Parameters that carry what a client sent (3: a socket event's payload, WsParamtype.PAYLOAD); not the socket itself. */
const CLIENT_DATA = new Set<unknown>(['body', 'query', 'param', 3]);

/**
 * Validation that first takes a cheap, iterative look at the payload (depth,
 * size, "__proto__"), so nothing hostile reaches the recursive walks of
 * class-transformer and class-validator.
 */
export class ShapeCheckedValidationPipe extends ValidationPipe {
  constructor(
    options: ValidationPipeOptions,
    private readonly refuse: (message: string) => Error,
    private readonly synchronous = false,
  ) {
    super({ ...options, exceptionFactory: (errors) => refuse(describeValidationErrors(errors)) });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const problem = CLIENT_DATA.has(metadata.type) ? payloadShapeProblem(value) : null;
    if (problem) throw this.refuse(problem);
    return super.transform(value, metadata);
  }

  /**
   * class-validator's `validate` makes a promise per constraint and awaits them all; `validateSync` runs the same
   * constraints and returns the same errors, but skips any marked async. So `synchronous` is only for DTOs that have
   * none (validation.spec.ts checks the socket events'): every answer is checked without a promise per constraint.
   */
  protected override validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> | ValidationError[] {
    return this.synchronous ? validateSync(object, options) : super.validate(object, options);
  }
}

/** Socket events: a bad payload becomes the INVALID_PAYLOAD ack. Their DTOs have no async constraints, so they are checked synchronously. */
export const wsValidationPipe = new ShapeCheckedValidationPipe(strict, (message) => new WsException({ code: 'INVALID_PAYLOAD', message }), true);

/** REST bodies and queries: 400 with the same error shape as the socket acks. */
export const httpValidationPipe = new ShapeCheckedValidationPipe(strict, (message) => new BadRequestException({ error: { code: 'INVALID_PAYLOAD', message } }));
