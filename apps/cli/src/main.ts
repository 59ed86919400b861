import { CommandFactory } from 'nest-commander';
import { DomainError, ensureDatabase, loadEnvOrExit } from '@precedent/platform';
import { CliModule } from './cli.module';

async function main(): Promise<void> {
  const env = loadEnvOrExit();
  // `migrate` may be the first command on a new machine: the database must exist before Nest connects
  if (process.argv[2] === 'migrate' && (await ensureDatabase(env.DATABASE_URL))) {
    process.stdout.write(`Created database ${new URL(env.DATABASE_URL).pathname.slice(1)}.\n`);
  }
  await CommandFactory.run(CliModule, {
    logger: ['error', 'warn'],
    errorHandler: (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    },
    serviceErrorHandler: (error) => {
      process.stderr.write(
        `${error instanceof DomainError ? error.message : (error.stack ?? String(error))}\n`,
      );
      process.exit(error instanceof DomainError ? 1 : 2);
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
