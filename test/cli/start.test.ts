import { spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as path from 'node:path';

/**
 * `npm start` serves the pane until it is stopped, and stopping it — Ctrl+C to its terminal's process
 * group, a signal to npm alone, or npm killed outright — stops the server it started. `--no-build`
 * serves dist/ as it is, so no webpack build runs here.
 */
const ROOT = path.resolve(__dirname, '../..');

jest.setTimeout(60_000);

interface Started {
  npm: ChildProcess;
  port: number;
  output: () => string;
}

async function npmStart(): Promise<Started> {
  const npm = spawn('npm', ['start', '--silent', '--', '--no-build'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0' },
    // Its own process group, as in a terminal: Ctrl+C reaches npm and everything it started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  npm.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not serve:\n${output}`)), 30_000);
    const look = () => {
      const m = /served from dist\/ at https?:\/\/[^:]+:(\d+)\//.exec(output);
      if (m && output.includes('Press Ctrl+C to stop.')) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    npm.stdout!.on('data', look);
    npm.on('exit', () => reject(new Error(`npm start ended early:\n${output}`)));
  });
  return { npm, port, output: () => output };
}

/** Whether something answers HTTP on the port (any status), or the connection is refused. */
const answers = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const req = http.get({ host: 'localhost', port, path: '/taskpane.html', agent: false }, (res) => {
      res.resume();
      resolve(true);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });

/** Poll until the port stops answering; false if it still answers after the deadline. */
async function closes(port: number, deadlineMs = 10_000): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (!(await answers(port))) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

let running: ChildProcess | null = null;
afterEach(() => {
  // Whatever the test did, leave no server behind: end the group this test started.
  if (running?.pid) {
    try {
      process.kill(-running.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running = null;
});

describe('npm start', () => {
  test('prints sideload steps that name only tools the project has', async () => {
    const started = await npmStart();
    running = started.npm;
    const text = started.output();
    expect(text).toMatch(/Browser preview \(no Word needed\): +http:\/\/localhost:\d+\/taskpane\.html/);
    expect(text).toMatch(/Upload My Add-in/);
    expect(text).not.toMatch(/office-addin-debugging/);
    // Every `npm run X` it tells the user to type exists.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const scripts = (require('../../package.json') as { scripts: Record<string, string> }).scripts;
    for (const [, name] of text.matchAll(/npm run ([\w:-]+)/g)) expect(Object.keys(scripts)).toContain(name);
  });

  test('Ctrl+C (SIGINT to the process group) stops the server', async () => {
    const { npm, port } = await npmStart();
    running = npm;
    expect(await answers(port)).toBe(true);
    process.kill(-npm.pid!, 'SIGINT');
    expect(await closes(port)).toBe(true);
  });

  // SIGINT to npm alone is left out: npm hands it to the shell between them, which waits for its child.
  test.each(['SIGTERM', 'SIGHUP', 'SIGKILL'] as const)(
    '%s to npm alone stops the server it started',
    async (signal) => {
      const { npm, port } = await npmStart();
      running = npm;
      expect(await answers(port)).toBe(true);
      npm.kill(signal);
      expect(await closes(port)).toBe(true);
    },
  );
});
