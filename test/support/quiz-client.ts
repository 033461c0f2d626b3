import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';

export type ConnectOptions = Partial<ManagerOptions & SocketOptions>;
import type { Ack } from '../../src/protocol/index.js';

export interface Frame {
  event: string;
  payload: unknown;
  at: number;
}

/**
 * A real socket.io client as a phone or the host screen would use it:
 * websocket transport, acks with a timeout, and a log of every frame received.
 */
export class QuizClient {
  readonly socket: Socket;
  readonly frames: Frame[] = [];
  private waiters: Array<{ event: string; match: (p: never) => boolean; resolve: (p: unknown) => void }> = [];

  constructor(url: string, options: ConnectOptions = {}) {
    this.socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, ...options });
    this.socket.onAny((event: string, payload: unknown) => {
      this.frames.push({ event, payload, at: Date.now() });
      this.waiters = this.waiters.filter((w) => {
        if (w.event !== event || !w.match(payload as never)) return true;
        w.resolve(payload);
        return false;
      });
    });
  }

  static async connect(url: string, options?: ConnectOptions): Promise<QuizClient> {
    const client = new QuizClient(url, options);
    await new Promise<void>((resolve, reject) => {
      client.socket.once('connect', () => resolve());
      client.socket.once('connect_error', reject);
    });
    return client;
  }

  async call<T = unknown>(event: string, ...args: unknown[]): Promise<Ack<T>> {
    return (await this.socket.timeout(5000).emitWithAck(event, ...args)) as Ack<T>;
  }

  /** Data of a successful ack; throws with the error code otherwise. */
  async ok<T = unknown>(event: string, payload?: unknown): Promise<T> {
    const reply = await this.call<T>(event, ...(payload === undefined ? [] : [payload]));
    if (!reply.ok) throw new Error(`${event} failed: ${reply.error.code} ${reply.error.message}`);
    return reply.data;
  }

  /** Position in the frame log, to wait for frames that arrive after it. */
  mark(): number {
    return this.frames.length;
  }

  /** A frame of `event` matching `match`: one already received after frame `since`, or the next to come. */
  next<T = unknown>(event: string, match: (payload: T) => boolean = () => true, since = 0, timeoutMs = 10_000): Promise<T> {
    const seen = this.frames.slice(since).find((f) => f.event === event && match(f.payload as T));
    if (seen) return Promise.resolve(seen.payload as T);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs);
      this.waiters.push({
        event,
        match: match,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p as T);
        },
      });
    });
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Every client a test opens, so one call closes them all at the end. */
export class ClientPool {
  readonly clients: QuizClient[] = [];

  async connect(url: string, options?: ConnectOptions): Promise<QuizClient> {
    const client = await QuizClient.connect(url, options);
    this.clients.push(client);
    return client;
  }

  closeAll(): void {
    this.clients.splice(0).forEach((c) => c.close());
  }
}
