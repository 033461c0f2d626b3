import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { isObservable, lastValueFrom } from 'rxjs';
import type { Socket } from 'socket.io';

type Ack = (response: unknown) => void;

/**
 * Events the gateway binds on each socket itself (`GameGateway.answerEvent`), calling the same pipe, handler and
 * exception filter without Nest's per-event handler context; their `@SubscribeMessage` handlers are not bound here.
 */
export const BOUND_BY_GATEWAY: ReadonlySet<string> = new Set(['player:answer']);
type Handler = MessageMappingProperties & { isAckHandledManually?: boolean };

/**
 * Nest's socket.io adapter, minus its per-socket rxjs pipelines. The stock
 * adapter builds an observable chain (fromEvent, mergeMap, takeUntil a shared
 * disconnect stream, a subscriber) for every `@SubscribeMessage` handler on
 * every socket: with a dozen game events that was most of a connection's
 * memory, several times socket.io's own. Here each event is a plain listener
 * that calls the same Nest handler, so guards, pipes (class-validator) and
 * exception filters run exactly as before and every error keeps its code;
 * only the delivery of the handler's result is direct. The listeners go
 * away with the socket.
 */
export class GameIoAdapter extends IoAdapter {
  private readonly log = new Logger('GameGateway');

  override bindMessageHandlers(socket: Socket, handlers: Handler[]): void {
    for (const { message, callback, isAckHandledManually } of handlers) {
      if (BOUND_BY_GATEWAY.has(String(message))) continue;
      socket.on(String(message), (...args: unknown[]) => {
        const { data, ack } = splitArgs(args);
        void this.deliver(socket, () => callback(data, ack), isAckHandledManually ? undefined : ack);
      });
    }
  }

  /** Runs one handler call and sends its result: an `{event, data}` result is emitted, anything else is the ack. */
  private async deliver(socket: Socket, call: () => unknown, ack: Ack | undefined): Promise<void> {
    try {
      let response = await call();
      if (isObservable(response)) response = await lastValueFrom(response, { defaultValue: undefined });
      if (response === undefined || response === null) return;
      const { event, data } = response as { event?: unknown; data?: unknown };
      if (typeof event === 'string') socket.emit(event, data);
      else ack?.(response);
    } catch (err) {
      // Exception filters answer every failure; reaching here is a bug in one, so it is logged, never thrown at socket.io.
      this.log.error(err);
    }
  }
}

/** The payload and the ack of an event, as the stock adapter reads them (`IoAdapter.mapPayload`). */
export function splitArgs(args: unknown[]): { data: unknown; ack?: Ack } {
  const last = args.at(-1);
  const ack = typeof last === 'function' ? (last as Ack) : undefined;
  if (!ack) return { data: args.length <= 1 ? args[0] : args };
  const size = args.length - 1;
  return { data: size === 0 ? undefined : size === 1 ? args[0] : args.slice(0, size), ack };
}
