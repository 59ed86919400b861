import { ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';

const DIST = join(__dirname, '..', '..', 'dist', 'apps');

/** The built entry points, as `npm start` runs them. */
export const MAINS = {
  api: join(DIST, 'api', 'apps', 'api', 'src', 'main.js'),
  reporter: join(DIST, 'reporter', 'apps', 'reporter', 'src', 'main.js'),
  publication: join(DIST, 'publication', 'apps', 'publication', 'src', 'main.js'),
  worker: join(DIST, 'worker', 'apps', 'worker', 'src', 'main.js'),
  cli: join(DIST, 'cli', 'apps', 'cli', 'src', 'main.js'),
};

/** A built process (API, reporter or worker) running as a child, with its output kept. */
export class ChildApp {
  output = '';
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Starts `main` with this test file's environment and `env` on top; resolves once /health answers. */
  static async start(main: string, port: number, env: Record<string, string>): Promise<ChildApp> {
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new ChildApp(child, port);
    const deadline = Date.now() + 60_000;
    while ((await app.health()) === null) {
      if (child.exitCode !== null) throw new Error(`${main} exited at start:\n${app.output}`);
      if (Date.now() > deadline) throw new Error(`${main} did not answer /health:\n${app.output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return app;
  }

  /** GET /health's status code, or null when nothing answers. */
  health(): Promise<number | null> {
    return new Promise((resolve) => {
      const req = request({ host: '127.0.0.1', port: this.port, path: '/health', timeout: 2_000 }, (res) => {
        res.resume();
        resolve(res.statusCode ?? null);
      });
      req.once('error', () => resolve(null));
      req.once('timeout', () => {
        req.destroy();
        resolve(null);
      });
      req.end();
    });
  }

  /** Resolves when the process has exited, with its code or signal. */
  exit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.exited;
  }

  /** Sends a signal; the process is killed outright if it is still there after the test. */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}
