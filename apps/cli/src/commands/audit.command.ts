import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { AuditService } from '@precedent/audit';

/** `audit verify`: exit 0 with the count when the chain holds, 1 naming the first broken event. */
@SubCommand({ name: 'verify', description: 'Walk the audit chain and report the first broken link' })
export class VerifyAuditCommand extends CommandRunner {
  constructor(private readonly audit: AuditService) {
    super();
  }

  async run(): Promise<void> {
    const tty = process.stderr.isTTY;
    const result = await this.audit.verify((checked) => {
      if (tty) process.stderr.write(`\rChecked ${checked} events…`);
    });
    if (tty) process.stderr.write('\n');
    if (result.broken) {
      process.stdout.write(
        `Audit chain BROKEN at event ${result.broken.id}: ${result.broken.reason}.\n` +
          `${result.count} events before it are intact. Preserve the database as it is and report this.\n`,
      );
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`Audit chain intact: ${result.count} events verified.\n`);
  }
}

@Command({ name: 'audit', description: 'The tamper-evident audit log', subCommands: [VerifyAuditCommand] })
export class AuditCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stdout.write('Usage: audit verify\n');
  }
}
