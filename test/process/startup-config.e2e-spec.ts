import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const DIST = join(__dirname, '..', '..', 'dist', 'apps');
const MAINS = {
  api: join(DIST, 'api', 'apps', 'api', 'src', 'main.js'),
  reporter: join(DIST, 'reporter', 'apps', 'reporter', 'src', 'main.js'),
  publication: join(DIST, 'publication', 'apps', 'publication', 'src', 'main.js'),
  worker: join(DIST, 'worker', 'apps', 'worker', 'src', 'main.js'),
  cli: join(DIST, 'cli', 'apps', 'cli', 'src', 'main.js'),
};

function start(main: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [main], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('a process with bad configuration', () => {
  it.each(Object.entries(MAINS))(
    '%s stops with one message naming the variable and the form expected',
    (_, main) => {
      const result = start(main, { REDIS_URL: 'localhost:6379', API_PORT: 'eighty' });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('Precedent cannot start');
      expect(result.stderr).toContain('REDIS_URL: expected a Redis URL such as redis://127.0.0.1:6379');
      expect(result.stderr).toContain('API_PORT: expected a TCP port number from 1 to 65535');
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    },
  );

  it('refuses to start in production without its secrets', () => {
    const result = start(MAINS.api, { NODE_ENV: 'production', SESSION_SECRET: '' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('SESSION_SECRET: expected a secret value');
  });
});
