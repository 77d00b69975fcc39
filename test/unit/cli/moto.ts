/**
 * Starts `moto_server` (a local AWS API emulator) on 127.0.0.1 and a free port, for tests that run
 * the real AWS SDK. The emulator is required, not optional: a missing install fails the tests with
 * an explanation instead of skipping them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { createServer } from 'node:net';

export interface Moto {
  readonly url: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 15_000;

/** A port nothing listens on right now (the OS picks it, then we release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(url, (response) => {
      response.resume();
      resolve(true);
    });
    request.setTimeout(1_000, () => request.destroy());
    request.once('error', () => resolve(false));
  });
}

const NOT_INSTALLED =
  "moto_server is not installed or not on PATH. These tests run the AWS SDK against it and are never skipped: install it with `pip install 'moto[server]'`.";

export async function startMoto(env: NodeJS.ProcessEnv): Promise<Moto> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Its own process group, so stopping it also stops anything the launcher started.
  const child: ChildProcess = spawn('moto_server', ['-p', String(port), '-H', '127.0.0.1'], { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  let failure: Error | undefined;
  child.once('error', (error: NodeJS.ErrnoException) => {
    failure = new Error(error.code === 'ENOENT' ? NOT_INSTALLED : `moto_server could not start: ${error.message}`);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => {
    running = false;
  });

  const stop = async () => {
    if (!running || child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      if (running && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, 3_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (failure) throw failure;
    if (!running) throw new Error(`moto_server exited before answering on ${url}: ${stderr.trim() || 'no output'}`);
    if (await answers(`${url}/`)) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`moto_server did not answer on ${url} within ${START_TIMEOUT_MS / 1000} s: ${stderr.trim() || 'no output'}`);
}
