// Configuration: one validated Env for the whole process.
import { Global, Module } from '@nestjs/common';
import { Env } from './env';
import { loadEnv } from './load-env';

@Global()
@Module({
  providers: [{ provide: Env, useFactory: () => loadEnv() }],
  exports: [Env],
})
export class ConfigModule {}
