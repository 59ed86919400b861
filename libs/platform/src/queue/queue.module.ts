// Queues: the outbox for producers, the relay to BullMQ, and the BullMQ root for worker processes.
import { DynamicModule, Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { Queue, type QueueOptions } from 'bullmq';
import { Env } from '../config/env';
import { DEFAULT_JOB_OPTIONS } from './job-defaults';
import { OutboxMessage } from './outbox-message.entity';
import { Outbox } from './outbox.service';
import { QueueRegistry } from './queue-registry';
import { QueueStatusService } from './queue-status.service';
import { workerConnection } from './redis-connection';
import { reportRedisErrors } from './redis-trouble';

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
      // forRootAsync: the prefix and URL are read at boot, not at import (docs/stack.md P5)
      useFactory: workerQueueOptions,
    });
  }
}

/**
 * The worker's queues, for `@InjectQueue` and for the processors' connection options, in place of
 * `BullModule.registerQueue`: each queue's errors go to the logger from the moment it exists. Added
 * later (in onModuleInit), the first connection error of each queue came before the listener, and
 * BullMQ printed it to the console.
 */
@Module({})
export class WorkerQueuesModule {
  static register(names: readonly string[]): DynamicModule {
    const providers = names.map((name) => ({
      provide: getQueueToken(name),
      inject: [Env],
      useFactory: (env: Env) => new WorkerQueue(name, workerQueueOptions(env)),
    }));
    return {
      module: WorkerQueuesModule,
      // with no queue named, registerQueue brings only what finds the @Processor classes and starts their workers
      imports: [BullModule.registerQueue()],
      providers,
      exports: providers.map((p) => p.provide),
    };
  }
}

function workerQueueOptions(env: Env): QueueOptions {
  return {
    connection: workerConnection(env.REDIS_URL, 'precedent-worker'),
    prefix: env.QUEUE_PREFIX,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  };
}

/** A queue the worker holds: its errors are logged, and it closes with the application. */
class WorkerQueue extends Queue implements OnApplicationShutdown {
  constructor(name: string, options: QueueOptions) {
    super(name, options);
    reportRedisErrors(this, `queue ${name}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
