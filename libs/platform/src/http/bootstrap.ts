import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ConfigError } from '../config/env';
import { loadEnv } from '../config/load-env';
import { runAsCluster } from '../process/cluster';
import { stopOnSignals } from '../process/shutdown';

/**
 * Starts an HTTP app: configuration checked first (one clear message and exit 1 when it is wrong),
 * pino as the logger, and on SIGTERM/SIGINT a shutdown that ends within SHUTDOWN_TIMEOUT_SECONDS.
 */
export async function startHttpApp(
  module: Type<unknown>,
  options: {
    name: string;
    port: (env: ReturnType<typeof loadEnv>) => number;
    configure: (app: NestExpressApplication) => void | Promise<void>;
    /** How many processes share the port (API_PROCESSES for the API); one by default. */
    processes?: (env: ReturnType<typeof loadEnv>) => number;
  },
): Promise<INestApplication | null> {
  const env = loadEnvOrExit();
  const primaryLog = {
    log: (message: string) => process.stdout.write(`${message}\n`),
    warn: (message: string) => process.stderr.write(`${message}\n`),
  };
  if (runAsCluster(options.name, options.processes?.(env) ?? 1, env.SHUTDOWN_TIMEOUT_SECONDS, primaryLog))
    return null;
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  const logger = app.get(Logger);
  // Nest's own shutdown hooks would wait for ever on a connection that never closes
  stopOnSignals(options.name, env.SHUTDOWN_TIMEOUT_SECONDS, () => app.close(), {
    log: (message) => logger.log(message),
    warn: (message) => logger.warn(message),
  });
  await options.configure(app);
  const port = options.port(env);
  await app.listen(port, '127.0.0.1');
  logger.log(`${options.name} listening on http://127.0.0.1:${port}`);
  return app;
}

export function loadEnvOrExit(): ReturnType<typeof loadEnv> {
  try {
    return loadEnv();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
