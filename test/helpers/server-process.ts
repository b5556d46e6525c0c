import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningServer {
  child: ChildProcess;
  url: string;
  /** Resolves with the first match of a pattern in what the server has printed. */
  waitFor(pattern: RegExp): Promise<string>;
  /** Everything printed so far. */
  output(): string;
}

/**
 * The real server (`server/main.ts`) as a child process on a free port, serving the built
 * client, without the sample unless `env` asks for it.
 */
export function startServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOTSPOT_NO_SAMPLE: '1', HOTSPOT_STATIC_ROOT: join(root, 'dist'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const w of [...waiters]) {
      const match = w.pattern.exec(output);
      if (match) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(match[0]);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const match = pattern.exec(output);
      if (match) return resolve(match[0]);
      waiters.push({ pattern, resolve });
      child.once('exit', (code, signal) =>
        reject(new Error(`server exited (${code ?? signal}) before ${pattern}:\n${output.slice(-2000)}`)),
      );
    });
  return waitFor(/serving on http:\/\/localhost:(\d+)/).then((line) => ({
    child,
    url: `http://127.0.0.1:${/(\d+)$/.exec(line)![1]}`,
    waitFor,
    output: () => output,
  }));
}

/** Stops a server started by startServer and waits for it to exit. */
export async function stopServer(server: RunningServer, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill(signal);
  await exited;
}
