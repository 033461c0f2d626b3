import type { ErrorCode } from './errors.js';
import type { AnswerValue, HostSnapshot, PlayerSnapshot } from './views.js';

/** Every ack answers with one of these (docs/protocol.md, "Acks"). */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string } };

export interface JoinResult {
  gameId: string;
  playerId: string;
  playerToken: string;
  snapshot: PlayerSnapshot;
}

export interface ResumeResult {
  gameId: string;
  playerId: string;
  snapshot: PlayerSnapshot;
}

export interface PlayerJoinPayload {
  pin: string;
  nickname: string;
  deviceId?: string;
}

export interface PlayerResumePayload {
  playerToken: string;
}

export interface PlayerAnswerPayload {
  questionIndex: number;
  answer: AnswerValue;
}

export interface HostAttachPayload {
  hostToken: string;
}

export interface HostKickPayload {
  playerId: string;
}

/** `host:kick-many`: exactly one of the two. */
export interface HostKickManyPayload {
  playerIds?: string[];
  joinedWithinSec?: number;
}

export interface HostLockPayload {
  locked: boolean;
}

/** An event whose payload is this sends none (the server also accepts `{}` or `null`). */
export type NoPayload = undefined;

/**
 * Client → server events (docs/protocol.md, "Client → server events"): what
 * each one carries and what its ack brings back when it succeeds. The
 * server's list of events, its handlers and the web client's calls are all
 * typed from this map.
 */
export interface ClientEvents {
  'player:join': { payload: PlayerJoinPayload; result: JoinResult };
  'player:resume': { payload: PlayerResumePayload; result: ResumeResult };
  'player:answer': { payload: PlayerAnswerPayload; result: { received: true } };
  'clock:sync': { payload: NoPayload; result: { serverNow: number } };
  'host:attach': { payload: HostAttachPayload; result: HostSnapshot };
  // Host commands: each answers with the game as it stands after the command.
  'host:start': { payload: NoPayload; result: HostSnapshot };
  'host:next': { payload: NoPayload; result: HostSnapshot };
  'host:skip': { payload: NoPayload; result: HostSnapshot };
  'host:pause': { payload: NoPayload; result: HostSnapshot };
  'host:resume': { payload: NoPayload; result: HostSnapshot };
  'host:kick': { payload: HostKickPayload; result: HostSnapshot };
  'host:kick-many': { payload: HostKickManyPayload; result: HostSnapshot };
  'host:lock': { payload: HostLockPayload; result: HostSnapshot };
  'host:end': { payload: NoPayload; result: HostSnapshot };
}

export type ClientEvent = keyof ClientEvents;

/**
 * The events of `ClientEvents` as a value (the server's list of events it
 * answers). The compiler refuses this object if an event is missing or
 * unknown, so the two cannot drift apart.
 */
export const CLIENT_EVENT_NAMES = {
  'player:join': true,
  'player:resume': true,
  'player:answer': true,
  'clock:sync': true,
  'host:attach': true,
  'host:start': true,
  'host:next': true,
  'host:skip': true,
  'host:pause': true,
  'host:resume': true,
  'host:kick': true,
  'host:kick-many': true,
  'host:lock': true,
  'host:end': true,
} as const satisfies Record<ClientEvent, true>;
export type PayloadOf<E extends ClientEvent> = ClientEvents[E]['payload'];
export type ResultOf<E extends ClientEvent> = ClientEvents[E]['result'];

/** The arguments after the event name: none for an event without data, else its payload. */
export type PayloadArgs<E extends ClientEvent> = PayloadOf<E> extends NoPayload ? [] : [payload: PayloadOf<E>];

/** The commands only a host screen may send (`host:attach` is how a socket becomes one, not a command). */
export type HostCommandEvent = Exclude<Extract<ClientEvent, `host:${string}`>, 'host:attach'>;

/** The client events as socket.io's typed `Socket` wants them: the payload (if any), then the ack. */
export type ClientEmitters = {
  [E in ClientEvent]: (...args: [...PayloadArgs<E>, ack: (reply: Ack<ResultOf<E>>) => void]) => void;
};
