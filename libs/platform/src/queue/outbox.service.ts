import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxMessage } from './outbox-message.entity';

/** SQL: the row may go to BullMQ now (`:now`): a row timed to the hour waits until it is due. */
export const HELD_NOT_DUE = '(NOT m.times_to_the_hour OR m.delay_until IS NULL OR m.delay_until <= :now)';

export interface OutboxJob {
  queue: string;
  name: string;
  data: Record<string, unknown>;
  /** Stable BullMQ job id, so the same work asked twice runs once; defaults to `outbox-<row id>`. */
  jobId?: string;
  /** Run no earlier than this. */
  notBefore?: Date;
  /**
   * The time to record the row as created, instead of now: work asked for by an anonymous reporter
   * records the hour only, so the outbox cannot date their visit more closely than the reports do.
   * Such a row is also held in the outbox until `notBefore` and its dispatch recorded to the hour
   * (see OutboxRelay), so neither BullMQ's job times nor `dispatched_at` date the visit either.
   */
  recordedAt?: Date;
}

/** Records background work inside the caller's transaction. */
@Injectable()
export class Outbox {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the job in `em`'s transaction: it reaches the queue only if that transaction commits. */
  async add(em: EntityManager, job: OutboxJob): Promise<OutboxMessage> {
    const repo = em.getRepository(OutboxMessage);
    return repo.save(
      repo.create({
        queue: job.queue,
        jobName: job.name,
        jobId: job.jobId ?? null,
        payload: job.data,
        delayUntil: job.notBefore ?? null,
        ...(job.recordedAt ? { createdAt: job.recordedAt, timesToTheHour: true } : {}),
      }),
    );
  }

  /** For work not tied to another change: its own short transaction. */
  async addNow(job: OutboxJob): Promise<OutboxMessage> {
    return this.dataSource.transaction((em) => this.add(em, job));
  }

  /** Rows waiting for the relay; a reporter's work held until its time is scheduled, not waiting. */
  async pendingCount(): Promise<number> {
    return this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('m')
      .where('m.dispatched_at IS NULL')
      .andWhere(HELD_NOT_DUE, { now: new Date() })
      .getCount();
  }
}
