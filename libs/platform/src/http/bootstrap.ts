import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ConfigError } from '../config/env';
import { loadEnv } from '../config/load-env';

/**
 * Starts an HTTP app: configuration checked first (one clear message and exit 1 when it is wrong),
 * pino as the logger, graceful shutdown on SIGTERM/SIGINT.
 */
export async function startHttpApp(
  module: Type<unknown>,
  options: {
    name: string;
    port: (env: ReturnType<typeof loadEnv>) => number;
    configure: (app: NestExpressApplication) => void | Promise<void>;
  },
): Promise<INestApplication> {
  const env = loadEnvOrExit();
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await options.configure(app);
  const port = options.port(env);
  await app.listen(port, '127.0.0.1');
  app.get(Logger).log(`${options.name} listening on http://127.0.0.1:${port}`);
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
