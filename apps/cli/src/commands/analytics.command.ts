import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { DisparityService } from '@precedent/analytics';

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

@Command({
  name: 'analytics',
  description: 'Sanction-consistency analytics',
  subCommands: [DisparityCommand],
})
export class AnalyticsCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stdout.write('Usage: analytics disparity [--json]\n');
  }
}
