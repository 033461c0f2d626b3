import { ConnectedSocket, MessageBody, SubscribeMessage } from '@nestjs/websockets';
import type { HostCommandEvent } from '../protocol/index.js';
import { wsValidationPipe } from '../common/validation.js';
import { NoPayloadPipe } from './dto/game-events.dto.js';
import { HOST_COMMAND_EVENTS, HOST_COMMANDS } from './host-commands.js';

type Run<G> = (gateway: G, event: HostCommandEvent, socket: unknown, payload: unknown) => unknown;

/**
 * Gives a gateway class one Nest message handler per row of HOST_COMMANDS,
 * exactly as if each were written out:
 *
 *     @SubscribeMessage('host:kick')
 *     'host:kick'(@ConnectedSocket() socket: Socket, @MessageBody(wsValidationPipe) payload: HostKickDto) { … }
 *
 * (`@MessageBody(wsValidationPipe, NoPayloadPipe)` for a row without a DTO). Nest then treats
 * them like any hand-written handler: the validation pipe checks the
 * DTO (its class comes from the parameter types, as TypeScript would have
 * emitted them), its exception filter turns failures into acks, and
 * `GameIoAdapter` dispatches them; rate limits and metrics are socket
 * middleware and see them like every other event.
 */
export function subscribeHostCommands<G>(gatewayClass: abstract new (...args: never[]) => G, run: Run<G>): void {
  const prototype = gatewayClass.prototype as object;
  for (const event of HOST_COMMAND_EVENTS) {
    // A method named after its event: Nest looks handlers and their metadata up by method name.
    const handler = {
      [event](this: G, socket: unknown, payload: unknown) {
        return run(this, event, socket, payload);
      },
    }[event];
    Object.defineProperty(prototype, event, { value: handler, writable: true, configurable: true, enumerable: false });
    const dto: unknown = HOST_COMMANDS[event].dto;
    Reflect.defineMetadata('design:paramtypes', [Object, dto ?? Object], prototype, event);
    ConnectedSocket()(prototype, event, 0);
    (dto ? MessageBody(wsValidationPipe) : MessageBody(wsValidationPipe, NoPayloadPipe))(prototype, event, 1);
    SubscribeMessage(event)(prototype, event, { value: handler });
  }
}
