import { UseFilters, type ArgumentMetadata } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/internal';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { DefaultEventsMap, Server as IoServer, Socket as IoSocket } from 'socket.io';
import { ConnectionsPerAddress, type TrackedConnection } from '../common/limits/connections-per-address.js';
import { CLIENT_EVENTS } from './client-events.js';
import { RequestLimits, type Requester } from '../common/limits/request-limits.js';
import { OriginPolicy } from '../common/origins/origin-policy.js';
import { wsValidationPipe } from '../common/validation.js';
import { GameError } from '../common/game-error.js';
import type { Ack, HostCommandEvent, PayloadOf, ResultOf } from '../protocol/index.js';
import { HostAttachDto, NoPayloadPipe, PlayerAnswerDto, PlayerJoinDto, PlayerResumeDto } from './dto/game-events.dto.js';
import { splitArgs } from './game-io.adapter.js';
import { GameRunner } from './game-runner.js';
import { subscribeHostCommands } from './host-command-handlers.js';
import { checkHostCommand, HOST_COMMANDS } from './host-commands.js';
import { rooms, SocketIoBroadcaster } from './socket-io.broadcaster.js';
import { SocketLimits } from './socket-rate-limit.js';
import { KeyedSerialQueue } from '../common/keyed-serial-queue.js';
import { toAckError, WsAckExceptionFilter } from './ws-ack.filter.js';

/** What the gateway needs of a socket that may live on another instance. */
interface RoomMember {
  emit(event: string, payload: unknown): unknown;
  disconnect(close?: boolean): unknown;
}

type Session = { role: 'host'; gameId: string } | { role: 'player'; gameId: string; playerId: string };

/** The last argument of an event, when the client asked for an answer. */
function isAck(value: unknown): value is (reply: Ack<never>) => void {
  return typeof value === 'function';
}

/**
 * What the gateway keeps on a socket: who connected (for limits) and whom the socket speaks for.
 * Plain data only: with Redis, `fetchSockets` sends it to the other instances (msgpack), so the
 * per-connection limits (objects with functions) live in the gateway's `socketLimits` instead.
 */
interface SocketData {
  requester: Requester;
  session?: Session;
}
type Socket = IoSocket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;
type Server = IoServer<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;

/** Frames are tiny: a few KB is plenty and stops oversized payloads before they are parsed. */
export const MAX_FRAME_BYTES = 4096;

const ok = <T>(data: T): Ack<T> => ({ ok: true, data });

/** What Nest tells a pipe about an answer's payload: WsParamtype.PAYLOAD (3), checked against PlayerAnswerDto. */
const ANSWER_PAYLOAD: ArgumentMetadata = { type: 3 as unknown as ArgumentMetadata['type'], metatype: PlayerAnswerDto, data: undefined };

/**
 * Translates socket events into runner calls: validate (pipe), act, ack.
 * The validation pipe is on each payload parameter, not on the class: on the
 * class Nest would also run it (uselessly, a few promises) on the socket
 * parameter of every event.
 * Who is asking comes only from the socket's own session, set on join,
 * resume or attach — never from a payload.
 */
@WebSocketGateway({
  maxHttpBufferSize: MAX_FRAME_BYTES,
  perMessageDeflate: false,
  transports: ['websocket', 'polling'],
  pingInterval: 10_000,
  pingTimeout: 8_000,
})
@UseFilters(new WsAckExceptionFilter())
export class GameGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private server!: Server;
  /** Each connection's own rate limits, set when it connects. */
  private readonly socketLimits = new WeakMap<Socket, SocketLimits>();
  /**
   * Each connection's session changes (join, resume, attach, its disconnect), one at a time per socket id. Each
   * releases the session the socket holds, awaits the game, then binds the new one: two at once would both find
   * nothing to release and both bind, leaving the first player connected with no socket speaking for it; a
   * disconnect during a join would release nothing and the join would bind a closed socket. The queue keeps an
   * entry only while a change runs, so an idle connection costs nothing here.
   */
  private readonly sessionChanges = new KeyedSerialQueue();
  /** The class's exception filter, for `player:answer`, which does not go through Nest's handler context. */
  private readonly failures = new WsAckExceptionFilter();

  constructor(
    private readonly runner: GameRunner,
    private readonly broadcaster: SocketIoBroadcaster,
    private readonly limits: RequestLimits,
    private readonly origins: OriginPolicy,
    private readonly connections: ConnectionsPerAddress,
  ) {}

  afterInit(server: Server): void {
    this.server = server;
    this.broadcaster.attach(server);
    // The handshake is refused (403, with the reason as its message) for pages and host names not on the allowlist,
    // and for an address that already holds as many connections as it may.
    server.engine.opts.allowRequest = (req, callback) => {
      const foreign = this.origins.problem(req.headers);
      if (foreign) this.origins.refused(foreign);
      const problem = foreign ?? this.connections.problem(req);
      callback(problem, problem === null);
    };
    server.engine.on('connection', (connection: TrackedConnection) => this.connections.track(connection));
  }

  /**
   * Every event counts against the connection's rate limit; one over it is
   * answered RATE_LIMITED and goes no further. An event nobody handles still
   * gets an ack, so a client never waits on a typo.
   */
  handleConnection(socket: Socket): void {
    socket.data.requester = this.limits.requester(socket.request);
    const limits = new SocketLimits();
    this.socketLimits.set(socket, limits);
    // Unknown events are answered here, after the limit, not by an `onAny` listener: socket.io calls those before
    // any middleware, so a flood of unknown events was answered UNKNOWN_EVENT however far over the limit it went.
    socket.use((packet, next) => {
      const ack: unknown = packet.at(-1);
      if (!limits.event()) {
        if (isAck(ack)) ack(toAckError(new GameError('RATE_LIMITED')));
        return;
      }
      const [event] = packet;
      if (CLIENT_EVENTS.has(event)) {
        next();
        return;
      }
      if (isAck(ack)) ack({ ok: false, error: { code: 'UNKNOWN_EVENT', message: `Unknown event "${event}".` } });
    });
    socket.on('player:answer', (...args: unknown[]) => void this.answerEvent(socket, args));
  }

  private limitsOf(socket: Socket): SocketLimits {
    const limits = this.socketLimits.get(socket);
    if (!limits) throw new Error('a socket reached a handler without passing handleConnection');
    return limits;
  }

  /** Runs a change of whom the socket speaks for after the ones it sent before. */
  private inTurn<T>(socket: Socket, change: () => Promise<T>): Promise<T> {
    return this.sessionChanges.run(socket.id, change);
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    await this.inTurn(socket, () => this.release(socket));
  }

  @SubscribeMessage('player:join')
  async join(@ConnectedSocket() socket: Socket, @MessageBody(wsValidationPipe) dto: PlayerJoinDto): Promise<Ack<ResultOf<'player:join'>>> {
    return this.inTurn(socket, () => this.joinNow(socket, dto));
  }

  private async joinNow(socket: Socket, dto: PlayerJoinDto): Promise<Ack<ResultOf<'player:join'>>> {
    this.limitsOf(socket).joinAllowed();
    const who = socket.data.requester;
    await this.limits.beforeJoin(who, dto.pin);
    // One connection, one player: the one it held goes, so joining again leaves no one behind.
    await this.release(socket, { withdraw: true });
    const joined = await this.runner.join(dto.pin, dto.nickname, dto.deviceId ?? null).catch(async (err: unknown) => {
      if (err instanceof GameError && err.code === 'GAME_NOT_FOUND') {
        this.limitsOf(socket).wrongPin();
        await this.limits.wrongPin(who);
      }
      throw err;
    });
    await this.bindPlayer(socket, joined.gameId, joined.playerId);
    return ok(joined);
  }

  /** Any socket may ask the server's time: clients estimate their clock offset from it, so every screen counts down alike. */
  @SubscribeMessage('clock:sync')
  sync(@MessageBody(wsValidationPipe, NoPayloadPipe) _: unknown): Ack<ResultOf<'clock:sync'>> {
    return ok({ serverNow: this.runner.now() });
  }

  @SubscribeMessage('player:resume')
  async resume(@ConnectedSocket() socket: Socket, @MessageBody(wsValidationPipe) dto: PlayerResumeDto): Promise<Ack<ResultOf<'player:resume'>>> {
    return this.inTurn(socket, async () => {
      await this.release(socket);
      const resumed = await this.runner.resume(dto.playerToken);
      await this.bindPlayer(socket, resumed.gameId, resumed.playerId);
      return ok(resumed);
    });
  }

  /**
   * `player:answer` is every phone's event in every question, thousands a second in a big class, so it is bound
   * here rather than through Nest's handler context, whose guards, interceptors and parameter pipes (it uses none but
   * the validation pipe) cost a dozen promises per answer. The same validation pipe checks the payload and every
   * failure goes through the same exception filter, with the arguments Nest would have given it. A flat payload (what
   * the phones send) is checked without the pipe's promises (`transformFlatSync`).
   */
  private async answerEvent(socket: Socket, args: unknown[]): Promise<void> {
    const { data, ack } = splitArgs(args);
    try {
      const dto = wsValidationPipe.transformFlatSync(data, PlayerAnswerDto) ?? ((await wsValidationPipe.transform(data, ANSWER_PAYLOAD)) as PlayerAnswerDto);
      const reply = await this.answer(socket, dto);
      ack?.(reply);
    } catch (err) {
      const host = new ExecutionContextHost([socket, data, ack, 'player:answer']);
      host.setType('ws');
      this.failures.catch(err, host);
    }
  }

  /** The handler Nest knows (its metadata says what it takes); `GameIoAdapter` leaves its binding to `answerEvent`. */
  @SubscribeMessage('player:answer')
  async answer(@ConnectedSocket() socket: Socket, @MessageBody(wsValidationPipe) dto: PlayerAnswerDto): Promise<Ack<ResultOf<'player:answer'>>> {
    const session = this.playerSession(socket);
    return ok(await this.runner.answer(session.gameId, session.playerId, dto.questionIndex, dto.answer));
  }

  @SubscribeMessage('host:attach')
  async attach(@ConnectedSocket() socket: Socket, @MessageBody(wsValidationPipe) dto: HostAttachDto): Promise<Ack<ResultOf<'host:attach'>>> {
    return this.inTurn(socket, async () => {
      await this.release(socket);
      const snapshot = await this.runner.attachHost(dto.hostToken);
      await this.bind(socket, { role: 'host', gameId: snapshot.gameId }, rooms.host(snapshot.gameId));
      return ok(snapshot);
    });
  }

  /**
   * Every host command, one row of HOST_COMMANDS each (registered as handlers
   * by `subscribeHostCommands` below): the row's own payload check, then the
   * host check, then its engine change in the game's transaction.
   */
  async runHostCommand<E extends HostCommandEvent>(event: E, socket: Socket, payload: PayloadOf<E>): Promise<Ack<ResultOf<E>>> {
    checkHostCommand(event, payload);
    const session = socket.data.session;
    if (session?.role !== 'host') throw new GameError('NOT_HOST');
    const { apply } = HOST_COMMANDS[event];
    return ok(await this.runner.command(session.gameId, (game, now) => apply(game, now, payload)));
  }

  private playerSession(socket: Socket): Extract<Session, { role: 'player' }> {
    const session = socket.data.session;
    if (session?.role !== 'player') throw new GameError('NOT_PLAYER');
    return session;
  }

  /** A newer socket of the same player replaces the older ones. */
  private async bindPlayer(socket: Socket, gameId: string, playerId: string): Promise<void> {
    const room = rooms.player(gameId, playerId);
    const older = await this.socketsIn(room);
    await this.bind(socket, { role: 'player', gameId, playerId }, room);
    for (const old of older) {
      old.emit('session:replaced', { message: 'This player continued on another connection.' });
      old.disconnect(false);
    }
  }

  private async bind(socket: Socket, session: Session, ownRoom: string): Promise<void> {
    socket.data.session = session;
    await socket.join([rooms.game(session.gameId), ownRoom]);
  }

  /**
   * Sockets in a room on every instance; if another instance does not answer
   * (it just died), the ones on this instance: a lost peer must not turn a
   * disconnect into an error.
   */
  private async socketsIn(room: string): Promise<RoomMember[]> {
    try {
      return await this.server.in(room).fetchSockets();
    } catch {
      const ids = this.server.sockets.adapter.rooms.get(room) ?? new Set<string>();
      return [...ids].map((id) => this.server.sockets.sockets.get(id)).filter((s): s is Socket => s !== undefined);
    }
  }

  /**
   * Forgets the socket's session; the player or host counts as gone once no
   * socket of theirs is left. With `withdraw` (the socket joins as someone
   * new) that player is removed instead of left waiting to resume.
   */
  private async release(socket: Socket, { withdraw = false } = {}): Promise<void> {
    const session = socket.data.session;
    if (!session) return;
    socket.data.session = undefined;
    const ownRoom = session.role === 'host' ? rooms.host(session.gameId) : rooms.player(session.gameId, session.playerId);
    await socket.leave(rooms.game(session.gameId));
    await socket.leave(ownRoom);
    const others = await this.socketsIn(ownRoom);
    if (others.length > 0) return;
    if (session.role === 'host') await this.runner.detachHost(session.gameId);
    else if (withdraw) await this.runner.withdraw(session.gameId, session.playerId);
    else await this.runner.playerLeft(session.gameId, session.playerId);
  }
}

subscribeHostCommands(GameGateway, (gateway, event, socket, payload) => gateway.runHostCommand(event, socket as Socket, payload as PayloadOf<typeof event>));
