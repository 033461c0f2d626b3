import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';

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

/** Socket events: a bad payload becomes the INVALID_PAYLOAD ack. */
export const wsValidationPipe = new ValidationPipe({
  ...strict,
  exceptionFactory: (errors) => new WsException({ code: 'INVALID_PAYLOAD', message: describeValidationErrors(errors) }),
});

/** REST bodies and queries: 400 with the same error shape as the socket acks. */
export const httpValidationPipe = new ValidationPipe({
  ...strict,
  exceptionFactory: (errors) =>
    new BadRequestException({ error: { code: 'INVALID_PAYLOAD', message: describeValidationErrors(errors) } }),
});
