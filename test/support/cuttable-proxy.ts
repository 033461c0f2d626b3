import { createServer, connect, type Server, type Socket } from 'node:net';

export type ProxyMode = 'pass' | 'hold' | 'down';

/**
 * A TCP proxy in front of the server that a test can break like a classroom
 * network breaks: `hold` keeps connections open but lets nothing through (a
 * phone whose Wi-Fi went silent: taps leave, nothing comes back), `cut`
 * drops every connection at once (the phone notices and reconnects), `down`
 * also refuses new ones until `pass`. Browsers' own offline switch does not
 * touch open websockets, so the break has to happen on the wire.
 */
export class CuttableProxy {
  private server!: Server;
  private readonly pairs = new Set<[Socket, Socket]>();
  private mode: ProxyMode = 'pass';
  port = 0;

  constructor(private readonly targetPort: number) {}

  async start(): Promise<string> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return `http://127.0.0.1:${this.port}`;
  }

  private accept(client: Socket): void {
    if (this.mode === 'down') return void client.destroy();
    const upstream = connect(this.targetPort, '127.0.0.1');
    const pair: [Socket, Socket] = [client, upstream];
    this.pairs.add(pair);
    // Bytes are forwarded one chunk at a time so that "hold" can swallow them, as a dead link does.
    client.on('data', (d) => this.mode === 'pass' && upstream.write(d));
    upstream.on('data', (d) => this.mode === 'pass' && client.write(d));
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.pairs.delete(pair);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  }

  /** Connections stay open, nothing gets through either way. */
  hold(): void {
    this.mode = 'hold';
  }

  /** Every open connection drops; new ones are let through again. */
  cut(): void {
    this.mode = 'pass';
    this.dropAll();
  }

  /** Every open connection drops and new ones are refused, until `pass`. */
  down(): void {
    this.mode = 'down';
    this.dropAll();
  }

  pass(): void {
    this.mode = 'pass';
  }

  private dropAll(): void {
    for (const [client, upstream] of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
  }

  async stop(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
