import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ConfigError, Env, SECRET_VARIABLES, servesRealUsers, validateEnv } from './env';

let cached: Env | undefined;

/**
 * The validated configuration of this process, read once from `process.env`.
 *
 * Outside production a missing secret is generated once and kept in `var/dev-secrets.json`, so a
 * plain `npm run demo` works with no configuration and keeps working across restarts (sessions and
 * encrypted data stay readable). Production refuses to start without every secret.
 */
export function loadEnv(raw: NodeJS.ProcessEnv = process.env, options: { reload?: boolean } = {}): Env {
  if (cached && !options.reload && raw === process.env) return cached;
  const values: Record<string, string | undefined> = { ...raw };
  // an https public address is a real deployment, even with NODE_ENV left at its default
  const production = servesRealUsers(values);
  const missing = SECRET_VARIABLES.filter((name) => !values[name]);
  if (missing.length > 0) {
    if (production) {
      throw new ConfigError(
        missing.map((variable) => ({
          variable,
          expected:
            'a secret value: NODE_ENV=production or an https PUBLIC_URL requires every secret to be set',
        })),
      );
    }
    const generated = developmentSecrets(missing);
    for (const name of missing) values[name] = generated[name];
    process.stderr.write(
      `Warning: ${missing.join(', ')} not set: using a generated development value from var/dev-secrets.json. ` +
        'Set it before running in production.\n',
    );
  }
  const env = validateEnv(values);
  if (raw === process.env) cached = env;
  return env;
}

function developmentSecrets(names: readonly string[]): Record<string, string> {
  const file = resolve(process.cwd(), 'var', 'dev-secrets.json');
  let stored: Record<string, string> = {};
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  } catch {
    // first run: nothing stored yet
  }
  let changed = false;
  for (const name of names) {
    if (!stored[name]) {
      stored[name] = randomBytes(48).toString('base64url');
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return stored;
}
