import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { ReportKeyRotation, type RotationProgress } from '@precedent/reporting';

/**
 * `reporting rotate-keys`: after REPORTING_ENCRYPTION_KEY is changed (the old value moved to
 * REPORTING_PREVIOUS_ENCRYPTION_KEYS), re-seals every report, message and attachment under the new
 * key. Safe to stop and run again; a second run re-seals nothing.
 */
@SubCommand({
  name: 'rotate-keys',
  description: 'Re-seal anonymous reports, messages and attachments under the current encryption key',
})
export class RotateReportingKeysCommand extends CommandRunner {
  constructor(private readonly rotation: ReportKeyRotation) {
    super();
  }

  async run(): Promise<void> {
    const tty = process.stderr.isTTY;
    let last = '';
    const result = await this.rotation.rotate((p: RotationProgress) => {
      const line = `Re-sealing ${p.kind}: ${p.done} of ${p.total}`;
      if (tty) process.stderr.write(`\r${line}…`);
      else if (p.done === p.total || p.kind !== last) process.stderr.write(`${line}\n`);
      last = p.kind;
    });
    if (tty) process.stderr.write('\n');
    const parts = (['reports', 'messages', 'attachments'] as const).map(
      (kind) => `${result[kind].resealed} ${kind} re-sealed (${result[kind].alreadyCurrent} already current)`,
    );
    process.stdout.write(`Current key ${result.keyId}: ${parts.join(', ')}.\n`);
    const total = result.reports.resealed + result.messages.resealed + result.attachments.resealed;
    process.stdout.write(
      total === 0
        ? 'Nothing needed re-sealing.\n'
        : 'Every value now opens with the current key alone: the previous keys can be removed from REPORTING_PREVIOUS_ENCRYPTION_KEYS.\n',
    );
  }
}

@Command({
  name: 'reporting',
  description: 'The anonymous reporting channel',
  subCommands: [RotateReportingKeysCommand],
})
export class ReportingCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stdout.write('Usage: reporting rotate-keys\n');
  }
}
