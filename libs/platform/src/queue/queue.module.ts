// Queues: the outbox for producers, the relay to BullMQ, and the BullMQ root for worker processes.
import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BullModule } from '@nestjs/bullmq';
import { Env } from '../config/env';
import { DEFAULT_JOB_OPTIONS } from './job-defaults';
import { OutboxMessage } from './outbox-message.entity';
import { Outbox } from './outbox.service';
import { QueueRegistry } from './queue-registry';
import { QueueStatusService } from './queue-status.service';
import { workerConnection } from './redis-connection';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [Outbox, QueueRegistry, QueueStatusService],
  exports: [Outbox, QueueRegistry, QueueStatusService],
})
export class QueueModule {
  /** BullMQ's root for processes that run processors (the worker). Producers use the outbox. */
  static forWorkers(): DynamicModule {
    return BullModule.forRootAsync({
      inject: [Env],
      // forRootAsync: the prefix and URL are read at boot, not at import (stack.md P5)
      useFactory: (env: Env) => ({
        connection: workerConnection(env.REDIS_URL, 'precedent-worker'),
        prefix: env.QUEUE_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    });
  }
}
