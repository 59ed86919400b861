import { Injectable } from '@nestjs/common';
import { Env } from '@precedent/platform';
import { SubmissionsBusyError } from '../reporting.errors';
import { ReportingRedis } from './reporting-redis';

/** Spends one of the window's submissions when any is left, in one step inside Redis. */
const SPEND = `
if tonumber(redis.call('GET', KEYS[1]) or '0') >= tonumber(ARGV[1]) then return 0 end
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1`;

/** Submissions that may wait for a slot, for each one running; more are refused at once. */
const WAITING_PER_SLOT = 2;
/** The capacity refusal's advice: a minute is long enough for the work in hand to finish. */
const BUSY_RETRY_SECONDS = 60;

/**
 * Keeps cheap floods from exhausting the portal. Each report costs a 64 MiB argon2 hash and may
 * decode an image, so (1) only REPORT_SUBMISSION_CONCURRENCY run at once in this process, a few more
 * wait, the rest are refused; (2) everyone together may send REPORT_SUBMISSION_BUDGET reports a window.
 * The budget identifies no one: one counter for all, under the window's number, expiring with it.
 */
@Injectable()
export class SubmissionGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly redis: ReportingRedis,
    private readonly env: Env,
  ) {}

  /** Runs one report's submission within the budget and the capacity, or refuses it saving nothing. */
  async submission<T>(work: () => Promise<T>): Promise<T> {
    return this.heavy(async () => {
      await this.spendBudget();
      return work();
    });
  }

  /** Runs costly work (an image decode for a reply) within the capacity only. */
  async heavy<T>(work: () => Promise<T>): Promise<T> {
    await this.slot();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private async slot(): Promise<void> {
    const slots = this.env.REPORT_SUBMISSION_CONCURRENCY;
    if (this.running < slots) {
      this.running++;
      return;
    }
    if (this.waiting.length >= slots * WAITING_PER_SLOT) throw new SubmissionsBusyError(BUSY_RETRY_SECONDS);
    // the slot is handed over by release(): running stays counted
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  private async spendBudget(): Promise<void> {
    const length = this.env.REPORT_SUBMISSION_WINDOW_MINUTES * 60_000;
    const now = Date.now();
    const index = Math.floor(now / length);
    const retryAfterSeconds = Math.ceil(((index + 1) * length - now) / 1000);
    const spent = await (
      await this.redis.client()
    ).eval(
      SPEND,
      1,
      this.redis.key('submissions', String(index)),
      String(this.env.REPORT_SUBMISSION_BUDGET),
      String(retryAfterSeconds + 1),
    );
    if (spent !== 1) throw new SubmissionsBusyError(retryAfterSeconds);
  }
}
