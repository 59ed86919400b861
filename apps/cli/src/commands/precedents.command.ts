import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { SingleBar } from 'cli-progress';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { FORCE_CODES } from '@precedent/exchange';
import { PrecedentStore } from '@precedent/analytics';

interface ImportOptions {
  strict?: boolean;
  json?: boolean;
}

/**
 * `precedents import FILE [--strict] [--json]`: exit 0 when no line was rejected, 1 when some were,
 * 2 when the file could not be read at all.
 */
@SubCommand({
  name: 'import',
  arguments: '<file>',
  description: 'Import an exchange-format file (JSON Lines)',
})
export class ImportPrecedentsCommand extends CommandRunner {
  constructor(private readonly store: PrecedentStore) {
    super();
  }

  async run([file]: string[], options: ImportOptions): Promise<void> {
    let size: number;
    try {
      const stats = await stat(file);
      if (!stats.isFile()) throw new Error('not a file');
      size = stats.size;
    } catch (error) {
      process.stderr.write(
        `Cannot read ${file}: ${(error as Error).message}. Give the path of a .jsonl file.\n`,
      );
      process.exitCode = 2;
      return;
    }
    const bar = process.stderr.isTTY
      ? new SingleBar({
          format: 'Importing [{bar}] {percentage}% | {lines} lines | {rate} lines/s | ETA {eta}s',
          stream: process.stderr,
        })
      : null;
    const started = Date.now();
    bar?.start(size, 0, { lines: 0, rate: 0 });
    const summary = await this.store.import(createReadStream(file), {
      strict: options.strict === true,
      onProgress: ({ lines, bytes }) =>
        bar?.update(bytes, {
          lines,
          rate: Math.round(lines / Math.max(0.001, (Date.now() - started) / 1000)),
        }),
    });
    bar?.stop();
    process.exitCode = summary.rejected > 0 ? 1 : 0;
    if (options.json) {
      process.stdout.write(JSON.stringify(summary) + '\n');
      return;
    }
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `${summary.imported} imported, ${summary.updated} updated, ${summary.rejected} rejected in ${seconds.toFixed(1)} s.\n`,
    );
    if (options.strict && summary.rejected > 0)
      process.stdout.write('Strict import: nothing was imported.\n');
    for (const error of summary.errors) {
      process.stdout.write(
        `  line ${error.line}${error.field ? `, ${error.field}` : ''}: ${error.message}\n`,
      );
    }
    if (summary.rejected > summary.errors.length) {
      process.stdout.write(`  … the first ${summary.errors.length} problems are shown.\n`);
    }
  }

  @Option({ flags: '--strict', description: 'Import nothing when any line is bad' })
  parseStrict(): boolean {
    return true;
  }

  @Option({ flags: '--json', description: 'Print one JSON object {imported, updated, rejected, errors}' })
  parseJson(): boolean {
    return true;
  }
}

/** `precedents export FILE [--force CODE]`: the store as exchange-format JSON Lines. */
@SubCommand({
  name: 'export',
  arguments: '<file>',
  description: 'Export the store (or one force) as JSON Lines',
})
export class ExportPrecedentsCommand extends CommandRunner {
  constructor(private readonly store: PrecedentStore) {
    super();
  }

  async run([file]: string[], options: { force?: string }): Promise<void> {
    if (options.force && !FORCE_CODES.has(options.force)) {
      process.stderr.write(`Unknown force "${options.force}": use a code from forces.json (e.g. kent).\n`);
      process.exitCode = 2;
      return;
    }
    const output = createWriteStream(file);
    const count = await this.store.export(output, options.force);
    output.end();
    await finished(output);
    process.stdout.write(`Exported ${count} precedents to ${file}.\n`);
  }

  @Option({ flags: '--force <code>', description: 'Only this force' })
  parseForce(value: string): string {
    return value;
  }
}

@Command({
  name: 'precedents',
  description: 'The national precedent store',
  subCommands: [ImportPrecedentsCommand, ExportPrecedentsCommand],
})
export class PrecedentsCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stdout.write(
      'Usage: precedents import FILE [--strict] [--json] | precedents export FILE [--force CODE]\n',
    );
  }
}
