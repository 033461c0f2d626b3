import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BuiltServer {
  url: string;
  teacherKey: string;
  output: () => string;
  /** A REST call with the teacher key; the body is parsed JSON (undefined when empty). */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the test names the JSON it expects back (a cast said once, at the call); a body of another shape fails its expectations
  api<T = unknown>(method: string, route: string, body?: unknown): Promise<{ status: number; body: T }>;
  stop(): Promise<void>;
  /** kill -9: no shutdown hooks, no lease handed over. */
  crash(): Promise<void>;
}

/** The arguments `npm start` gives node (package.json's start script, read by scripts/start-command.mjs). */
export async function startArgs(): Promise<string[]> {
  const command = (await import(pathToFileURL(path.resolve('scripts/start-command.mjs')).href)) as { startArgs: () => string[] };
  return command.startArgs();
}

/** A port nothing listens on right now, on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The built server as `npm start` runs it (the build comes from `npm test`'s pretest). */
export async function startBuiltServer(env: Record<string, string> = {}): Promise<BuiltServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const teacherKey = 'built-server-teacher-key-0123456789';
  const dataDir = await mkdtemp(path.join(tmpdir(), 'aulaquiz-built-'));
  const child: ChildProcess = spawn('node', await startArgs(), {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, TEACHER_KEY: teacherKey, DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const check = () => {
      if (output.includes('aulaquiz is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const kill = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  const api: BuiltServer['api'] = async (method, route, body) => {
    const response = await fetch(`${url}${route}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${teacherKey}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as never };
  };
  return { url, teacherKey, output: () => output, api, stop: () => kill('SIGTERM'), crash: () => kill('SIGKILL') };
}
