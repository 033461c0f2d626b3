import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError, type ValidationPipeOptions } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { plainToInstance } from 'class-transformer';
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

  /** Per DTO class, what the flat check said of each payload it saw (see `transformFlatSync`). */
  private readonly flatVerdicts = new Map<new () => object, Map<string, FlatVerdict>>();

  /**
   * The same check without a promise, for a payload that is a flat plain object (every value a primitive or an
   * array of primitives without gaps), which is what well-behaved clients send: then none of the pipe's special
   * cases (nil, primitive, binary, sparse or nested values) applies, and what is left is exactly what the pipe
   * does — class-transformer builds the instance, class-validator checks it with the same options, a refusal has
   * the same message. Anything else returns `undefined`, and the caller goes through `transform`. Only for
   * `synchronous` pipes (no async constraint).
   *
   * The verdict is a pure function of the payload's values, and a class's phones send the same few payloads (an
   * option index for one question) thousands of times a second, while class-validator allocates kilobytes per
   * check: so verdicts are remembered per exact payload, at most FLAT_VERDICTS short ones per class. A payload seen for the
   * first time (typed text, a hostile value) costs the full check, as it would without this.
   */
  transformFlatSync<T extends object>(value: unknown, metatype: new () => T): T | undefined {
    if (!this.synchronous) return undefined;
    const key = flatPayloadKey(value);
    if (key === undefined) return undefined;
    let verdicts = this.flatVerdicts.get(metatype);
    if (!verdicts) this.flatVerdicts.set(metatype, (verdicts = new Map<string, FlatVerdict>()));
    let verdict = verdicts.get(key);
    if (!verdict) {
      verdict = this.judgeFlat(value as Record<string, unknown>, metatype);
      // Full: start again rather than track use; hot payloads come back within a moment. Long payloads are not kept.
      if (verdicts.size >= FLAT_VERDICTS) verdicts.clear();
      if (key.length <= FLAT_KEY_MAX) verdicts.set(key, verdict);
    }
    if (!verdict.ok) throw this.refuse(verdict.message);
    return Object.assign(new metatype(), copyFlat(verdict.fields));
  }

  private judgeFlat(value: Record<string, unknown>, metatype: new () => object): FlatVerdict {
    const problem = payloadShapeProblem(value);
    if (problem) return { ok: false, message: problem };
    const entity = plainToInstance(metatype, value, this.transformOptions);
    const errors = validateSync(entity, { ...this.validatorOptions, validationError: { target: false, ...this.validatorOptions.validationError } });
    if (errors.length > 0) return { ok: false, message: describeValidationErrors(errors) };
    return { ok: true, fields: copyFlat({ ...entity }) };
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

/** How many flat payloads' verdicts a pipe remembers per DTO class, and how long a payload's key may be to be kept. */
export const FLAT_VERDICTS = 1000;
const FLAT_KEY_MAX = 256;

type FlatVerdict = { ok: true; fields: Record<string, unknown> } | { ok: false; message: string };

/**
 * A string that tells flat payloads apart exactly (value and type, -0 from 0, key order included), or `undefined`
 * when the payload is not a flat plain object: one whose values are primitives or gap-free plain arrays of them.
 */
function flatPayloadKey(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  let key = '';
  for (const name in value) {
    if (!Object.hasOwn(value, name)) return undefined;
    const field: unknown = (value as Record<string, unknown>)[name];
    const part = Array.isArray(field) ? flatArrayKey(field) : primitiveKey(field);
    if (part === undefined) return undefined;
    key += `${JSON.stringify(name)}:${part},`;
  }
  return key;
}

function flatArrayKey(items: unknown[]): string | undefined {
  if (Object.getPrototypeOf(items) !== Array.prototype) return undefined;
  let key = '[';
  for (let i = 0; i < items.length; i++) {
    const part = i in items ? primitiveKey(items[i]) : undefined;
    if (part === undefined) return undefined;
    key += `${part},`;
  }
  return `${key}]`;
}

function primitiveKey(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Object.is(value, -0) ? 'n-0' : `n${value}`;
    case 'boolean':
      return value ? 't' : 'f';
    case 'undefined':
      return 'u';
    case 'object':
      return value === null ? 'z' : undefined;
    default:
      return undefined;
  }
}

/** Fields of a flat payload with their arrays copied, so no caller shares an array with a remembered verdict. */
function copyFlat(fields: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const name in fields) {
    const field = fields[name];
    copy[name] = Array.isArray(field) ? [...(field as unknown[])] : field;
  }
  return copy;
}

/** Socket events: a bad payload becomes the INVALID_PAYLOAD ack. Their DTOs have no async constraints, so they are checked synchronously. */
export const wsValidationPipe = new ShapeCheckedValidationPipe(strict, (message) => new WsException({ code: 'INVALID_PAYLOAD', message }), true);

/** REST bodies and queries: 400 with the same error shape as the socket acks. */
export const httpValidationPipe = new ShapeCheckedValidationPipe(strict, (message) => new BadRequestException({ error: { code: 'INVALID_PAYLOAD', message } }));
