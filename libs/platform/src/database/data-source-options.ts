import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { Env } from '../config/env';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export type PostgresOptions = Extract<DataSourceOptions, { type: 'postgres' }>;

/**
 * Root of the compiled or source tree: `libs/platform/src/database` is four levels below it, both in
 * the repository and in `dist/apps/<app>/` (the tsc builder keeps the layout).
 */
const TREE_ROOT = join(__dirname, '..', '..', '..', '..');

export const ENTITY_GLOB = join(TREE_ROOT, 'libs', '*', 'src', '**', '*.entity.{ts,js}');
export const MIGRATION_GLOB = join(TREE_ROOT, 'migrations', '*.{ts,js}');

/** The one set of connection options every app, the CLI and the tests use. `synchronize` is never on. */
export function dataSourceOptions(
  env: Pick<Env, 'DATABASE_URL'> & Partial<Pick<Env, 'LOG_LEVEL'>>,
  overrides: Partial<{ applicationName: string; poolSize: number }> = {},
): PostgresOptions {
  return {
    type: 'postgres',
    url: env.DATABASE_URL,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: [MIGRATION_GLOB],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // query errors reach the caller as exceptions; log them too unless logging is silenced (tests)
    logging: env.LOG_LEVEL === 'silent' ? false : ['error', 'warn'],
    applicationName: overrides.applicationName ?? 'precedent',
    poolSize: overrides.poolSize ?? 20,
    extra: { max: overrides.poolSize ?? 20 },
  };
}
