// Database: the TypeORM connection shared by every app, configured from the validated Env.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Env } from '../config/env';
import { dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [Env],
      // forRootAsync, so tests that set DATABASE_URL before boot are honoured (docs/stack.md P5)
      useFactory: (env: Env) => ({ ...dataSourceOptions(env), autoLoadEntities: true }),
    }),
  ],
})
export class DatabaseModule {}
