import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { DisparityService, InconsistencyService, MAX_PAIR_LIMIT } from '@precedent/analytics';
import { FORCE_CODES } from '@precedent/exchange';

/** `analytics disparity [--json]`: computes consistency and force disparity now, stores and prints it. */
@SubCommand({ name: 'disparity', description: 'Compute consistency and force relative severity' })
export class DisparityCommand extends CommandRunner {
  constructor(private readonly disparity: DisparityService) {
    super();
  }

  async run(_: string[], options: { json?: boolean }): Promise<void> {
    const tty = process.stderr.isTTY;
    const result = await this.disparity.compute((stage, done, total) => {
      if (tty)
        process.stderr.write(`\r${stage === 'loading' ? 'Loading' : 'Measuring'} ${done} of ${total}…   `);
    });
    if (tty) process.stderr.write('\n');
    const report = this.disparity.report(result);
    if (options.json) {
      process.stdout.write(JSON.stringify(report) + '\n');
      return;
    }
    process.stdout.write(
      `${report.precedents} precedents (${report.measured} measured); national consistency index ${report.consistencyIndex}\n`,
    );
    for (const force of report.forces) {
      process.stdout.write(
        `${force.flagged ? '!' : ' '} ${force.force.padEnd(24)} n=${String(force.n).padStart(7)}  ` +
          `${force.relativeSeverity >= 0 ? '+' : ''}${force.relativeSeverity.toFixed(2)}  [${force.ciLow.toFixed(2)}, ${force.ciHigh.toFixed(2)}]\n`,
      );
    }
  }

  @Option({ flags: '--json', description: 'Print the result as one JSON object' })
  parseJson(): boolean {
    return true;
  }
}

/**
 * `analytics inconsistencies [--json] [--limit N] [--force CODE]`: like precedents whose outcomes
 * went at least two steps apart, most inconsistent first; computed now when the stored list is
 * older than the data.
 */
@SubCommand({
  name: 'inconsistencies',
  description: 'List pairs of like precedents with unlike outcomes, most inconsistent first',
})
export class InconsistenciesCommand extends CommandRunner {
  constructor(private readonly inconsistency: InconsistencyService) {
    super();
  }

  async run(_: string[], options: { json?: boolean; limit?: number; force?: string }): Promise<void> {
    if (options.force !== undefined && !FORCE_CODES.has(options.force)) {
      process.stderr.write(
        `There is no force "${options.force}": use a code from forces.json, such as kent.\n`,
      );
      process.exitCode = 2;
      return;
    }
    const result = await this.inconsistency.current();
    const report = this.inconsistency.report(result, options);
    if (options.json) {
      process.stdout.write(
        JSON.stringify({
          dataVersion: report.dataVersion,
          computedAt: report.computedAt,
          total: report.total,
          pairs: report.pairs,
        }) + '\n',
      );
      return;
    }
    process.stdout.write(
      `${report.total} pairs of like precedents with outcomes two or more steps apart (data version ${report.dataVersion})\n`,
    );
    for (const pair of report.pairs) {
      process.stdout.write(
        `${Math.round(pair.similarity * 100)}% alike, ${pair.stepGap} steps apart${pair.explained ? ' (a recorded difference may explain it)' : ''}\n` +
          `  ${pair.a.forceName} ${pair.a.decidedOn}: ${pair.a.outcome.replace(/_/g, ' ')} (${pair.a.ref})\n` +
          `  ${pair.b.forceName} ${pair.b.decidedOn}: ${pair.b.outcome.replace(/_/g, ' ')} (${pair.b.ref})\n`,
      );
    }
  }

  @Option({ flags: '--json', description: 'Print the result as one JSON object' })
  parseJson(): boolean {
    return true;
  }

  @Option({ flags: '--limit <n>', description: `How many pairs (1 to ${MAX_PAIR_LIMIT}; 50 by default)` })
  parseLimit(value: string): number {
    const limit = Number(value);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAIR_LIMIT)
      throw new Error(`--limit must be a whole number from 1 to ${MAX_PAIR_LIMIT}`);
    return limit;
  }

  @Option({ flags: '--force <code>', description: 'Only pairs where one side is this force' })
  parseForce(value: string): string {
    return value;
  }
}

@Command({
  name: 'analytics',
  description: 'Sanction-consistency analytics',
  subCommands: [DisparityCommand, InconsistenciesCommand],
})
export class AnalyticsCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stdout.write(
      'Usage: analytics disparity [--json] | analytics inconsistencies [--json] [--limit N] [--force CODE]\n',
    );
  }
}
