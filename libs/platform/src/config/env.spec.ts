import { ConfigError, servesRealUsers, validateEnv } from './env';
import { loadEnv } from './load-env';

describe('configuration', () => {
  const secret = 'x'.repeat(40);
  const secrets = {
    SESSION_SECRET: secret,
    REPORTING_ENCRYPTION_KEY: 'y'.repeat(40),
    REPORTING_LOOKUP_KEY: 'z'.repeat(40),
  };

  it('works with nothing set but a secret, using local defaults', () => {
    const env = validateEnv(secrets);
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/precedent');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.API_PORT).toBe(3000);
    expect(env.REPORTER_PORT).toBe(3001);
    expect(env.REPORTER_SESSION_MINUTES).toBe(30);
    expect(env.RECEIPT_ATTEMPTS).toBe(10);
    expect(env.SHUTDOWN_TIMEOUT_SECONDS).toBe(15);
  });

  it('takes a shutdown deadline in whole seconds and refuses nonsense', () => {
    expect(validateEnv({ ...secrets, SHUTDOWN_TIMEOUT_SECONDS: '30' }).SHUTDOWN_TIMEOUT_SECONDS).toBe(30);
    for (const bad of ['0', '-5', '2.5', 'soon', '601'])
      expect(() => validateEnv({ ...secrets, SHUTDOWN_TIMEOUT_SECONDS: bad })).toThrow(
        'SHUTDOWN_TIMEOUT_SECONDS: expected a whole number of seconds from 1 to 600',
      );
  });

  it('names the malformed variable and the form it expects, never its value', () => {
    let error: unknown;
    try {
      validateEnv({ ...secrets, API_PORT: 'eighty', DATABASE_URL: 'mysql://secret-host/x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('API_PORT: expected a TCP port number from 1 to 65535');
    expect(message).toContain('DATABASE_URL: expected a PostgreSQL URL');
    expect(message).not.toContain('secret-host');
    expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual([
      'API_PORT',
      'DATABASE_URL',
    ]);
  });

  it('refuses a port out of range', () => {
    expect(() => validateEnv({ ...secrets, REPORTER_PORT: '70000' })).toThrow(/REPORTER_PORT/);
  });

  it('requires every secret in production', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(
      /SESSION_SECRET: expected a secret value: NODE_ENV=production or an https PUBLIC_URL requires every secret/,
    );
    expect(() => loadEnv({ NODE_ENV: 'production', SESSION_SECRET: secret })).toThrow(
      /REPORTING_ENCRYPTION_KEY: expected a secret value[\s\S]*REPORTING_LOOKUP_KEY: expected a secret value/,
    );
  });

  it('refuses a short secret', () => {
    const others = { REPORTING_ENCRYPTION_KEY: secret, REPORTING_LOOKUP_KEY: secret };
    expect(() => loadEnv({ NODE_ENV: 'production', SESSION_SECRET: 'short', ...others })).toThrow(
      /SESSION_SECRET: expected a random string of at least 32 characters/,
    );
  });

  it('requires every secret when the public address is https, whatever NODE_ENV says', () => {
    expect(() => loadEnv({ PUBLIC_URL: 'https://precedent.force.example' })).toThrow(
      /SESSION_SECRET: expected a secret value: NODE_ENV=production or an https PUBLIC_URL/,
    );
    expect(servesRealUsers({ NODE_ENV: 'development', PUBLIC_URL: 'HTTPS://precedent.example' })).toBe(true);
    expect(servesRealUsers({ NODE_ENV: 'development', PUBLIC_URL: 'http://localhost:3000' })).toBe(false);
  });

  it('generates a development secret with a warning outside production', () => {
    const written: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const env = loadEnv({ NODE_ENV: 'development' });
    const again = loadEnv({ NODE_ENV: 'development' }, { reload: true });
    write.mockRestore();
    expect(env.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(written.join('')).toContain(
      'SESSION_SECRET, REPORTING_ENCRYPTION_KEY, REPORTING_LOOKUP_KEY not set',
    );
    // the same value on the next start, so sessions and encrypted data survive a restart
    expect(again.SESSION_SECRET).toBe(env.SESSION_SECRET);
    expect(again.REPORTING_ENCRYPTION_KEY).toBe(env.REPORTING_ENCRYPTION_KEY);
    expect(env.REPORTING_ENCRYPTION_KEY).not.toBe(env.REPORTING_LOOKUP_KEY);
  });
});
