import { spawn } from 'node:child_process';
import { join } from 'node:path';

const API = join(__dirname, '..', '..', 'dist/apps/api/apps/api/src/main.js');

export interface BuiltApi {
  base: string;
  token: string;
  /** The API's process id, to read its CPU time. */
  pid: number | undefined;
  stop(): void;
}

/**
 * Starts the built API as `npm run start:api` does, against the benchmark's database, and signs in
 * as `username` (waiting up to a minute for it to listen). `nodeOptions` go to node before the
 * script (cluster processes inherit them). `stop()` ends the process.
 */
export async function startBuiltApi(
  env: NodeJS.ProcessEnv,
  port: number,
  username: string,
  password: string,
  nodeOptions: string[] = [],
): Promise<BuiltApi> {
  const child = spawn(process.execPath, ['--max-semi-space-size=64', ...nodeOptions, API], {
    env: { ...env, API_PORT: String(port) },
    stdio: 'ignore',
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      if (login.ok) {
        const { accessToken } = (await login.json()) as { accessToken: string };
        return { base, token: accessToken, pid: child.pid, stop: () => child.kill('SIGTERM') };
      }
      throw new Error(`sign-in as ${username} answered ${login.status}`);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('sign-in')) {
        child.kill('SIGTERM');
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  child.kill('SIGTERM');
  throw new Error(`The built API did not start on port ${port} within a minute: run npm run build first`);
}
