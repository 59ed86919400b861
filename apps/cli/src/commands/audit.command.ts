import { resolve } from 'node:path';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { type AnchorCheck, AuditAnchors, AuditService } from '@precedent/audit';

interface AnchorOptions {
  anchor?: string;
}

/**
 * `audit verify`: exit 0 with the count when the chain holds and every anchor matches it; 1 naming the
 * first broken event, or the anchor the log contradicts (its tail removed, or an event rewritten).
 */
@SubCommand({
  name: 'verify',
  description: 'Walk the audit chain, report the first broken link, and check it against the anchor file',
})
export class VerifyAuditCommand extends CommandRunner {
  constructor(
    private readonly audit: AuditService,
    private readonly anchors: AuditAnchors,
  ) {
    super();
  }

  @Option({
    flags: '--anchor <file>',
    description: 'Anchor file to check against (default: AUDIT_ANCHOR_FILE, when it exists)',
  })
  parseAnchor(value: string): string {
    return value;
  }

  async run(_: string[], options: AnchorOptions = {}): Promise<void> {
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
    } else {
      process.stdout.write(`Audit chain intact: ${result.count} events verified.\n`);
    }

    const named = options.anchor !== undefined;
    const check = await this.anchors.check(named ? resolve(options.anchor!) : undefined);
    process.stdout.write(describe(check, named));
    if (check.status === 'mismatch' || check.status === 'unreadable' || (named && check.status === 'absent'))
      process.exitCode = 1;
  }
}

function describe(check: AnchorCheck, named: boolean): string {
  switch (check.status) {
    case 'absent':
      return named
        ? `No anchor file at ${check.file}: check the path given to --anchor.\n`
        : `No anchor file at ${check.file} (AUDIT_ANCHOR_FILE): events removed from the end of the log cannot be detected. ` +
            'Run `audit anchor`, or start the worker, which anchors the log on a schedule.\n';
    case 'unreadable':
      return (
        `Audit anchor file ${check.file} line ${check.line} cannot be read: ${check.reason}. ` +
        'The anchors are not trustworthy: preserve the file and the database as they are and report this.\n'
      );
    case 'mismatch':
      return (
        `Audit log does NOT match anchor ${check.file} line ${check.mismatch.line}: ${check.mismatch.reason}. ` +
        'Preserve the database and the anchor file as they are and report this.\n'
      );
    case 'held':
      return held(check);
  }
}

function held(check: Extract<AnchorCheck, { status: 'held' }>): string {
  const lines: string[] = [];
  if (check.newest)
    lines.push(
      `Audit anchors hold: ${check.anchors} anchors of this database's chain in ${check.file}, the newest at event ${check.newest.id} (${check.newest.anchoredAt}).`,
    );
  else if (check.otherChain + check.unnamed === 0)
    lines.push(`Audit anchor file ${check.file} holds no anchors yet.`);
  else
    lines.push(
      `No anchor in ${check.file} is of this database's chain, so none could be checked. ` +
        'That is expected for a database created or restored since the file was written; if this one was not, report it. ' +
        'Run `audit anchor` (or start the worker) to anchor this chain.',
    );
  if (check.otherChain > 0)
    lines.push(
      `${check.otherChain} anchors in the file are of another chain (another database or server, or this database before it was created again): not checked.`,
    );
  if (check.unnamed > 0)
    lines.push(
      `${check.unnamed} anchors in the file were written before anchors named their chain: not checked.`,
    );
  return lines.join('\n') + '\n';
}

/** `audit anchor`: append the chain's head to the anchor file now, as the worker does on its schedule. */
@SubCommand({
  name: 'anchor',
  description:
    "Append the audit chain's head (id, hash, count, time) to the anchor file outside the database",
})
export class AnchorAuditCommand extends CommandRunner {
  constructor(private readonly anchors: AuditAnchors) {
    super();
  }

  @Option({ flags: '--anchor <file>', description: 'Anchor file to append to (default: AUDIT_ANCHOR_FILE)' })
  parseAnchor(value: string): string {
    return value;
  }

  async run(_: string[], options: AnchorOptions = {}): Promise<void> {
    const file = options.anchor !== undefined ? resolve(options.anchor) : this.anchors.defaultFile();
    const anchor = await this.anchors.anchor('cli', file);
    if (!anchor) {
      process.stdout.write('The audit log is empty: there is nothing to anchor yet.\n');
      return;
    }
    process.stdout.write(
      `Anchored the audit chain in ${file}: event ${anchor.id}, hash ${anchor.hash}, ${anchor.count} events.\n`,
    );
  }
}

@Command({
  name: 'audit',
  description: 'The tamper-evident audit log',
  subCommands: [VerifyAuditCommand, AnchorAuditCommand],
})
export class AuditCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stdout.write('Usage: audit verify [--anchor FILE] | audit anchor [--anchor FILE]\n');
  }
}
