import { InjectQueue, Processor } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bullmq';
import { NETWORK_QUEUE, NetworkJob, PrecedentHarvest, PULL_SCHEDULER } from '@precedent/network';
import { Env } from '@precedent/platform';
import { ProcessorHost } from '../common/processor-host';

/**
 * The scheduled harvest of the peers' feeds. Each peer that is due is pulled on its own; a peer that
 * fails waits out its backoff (kept in network_harvests), so the job itself succeeds whatever the
 * peers do and is never retried by BullMQ for one peer's trouble.
 */
@Processor(NETWORK_QUEUE)
export class NetworkProcessor extends ProcessorHost implements OnApplicationBootstrap {
  constructor(
    private readonly harvest: PrecedentHarvest,
    @InjectQueue(NETWORK_QUEUE) private readonly queue: Queue,
    private readonly env: Env,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    if (this.env.PEERS.trim() === '') return;
    this.scheduleRepeating(
      this.queue,
      PULL_SCHEDULER,
      { every: this.env.NETWORK_PULL_MINUTES * 60_000 },
      NetworkJob.Pull,
      'The harvest of the peers',
    );
  }

  async process(job: Job): Promise<void> {
    switch (job.name) {
      case NetworkJob.Pull:
        await this.harvest.pull({ dueOnly: true });
        return;
      default:
        throw new Error(`No handler for ${NETWORK_QUEUE}/${job.name}`);
    }
  }
}
