import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Command, CommandRunner, Option } from 'nest-commander';
import { FORCE_CODES } from '@precedent/exchange';
import { syntheticPrecedents } from '@precedent/analytics';

interface SynthCommandOptions {
  out?: string;
  cases?: number;
  seed?: string;
  bias?: string[];
  truth?: string;
}

/**
 * `synth --out FILE --cases N --seed S [--bias CODE=STEPS ...] [--truth FILE]`: fictional national
 * data drawn from a latent seriousness with chosen force biases, and the truth behind it.
 */
@Command({ name: 'synth', description: 'Write synthetic exchange-format precedents with a known truth' })
export class SynthCommand extends CommandRunner {
  async run(_: string[], options: SynthCommandOptions): Promise<void> {
    if (!options.out || !options.cases) {
      process.stderr.write(
        'Usage: synth --out FILE --cases N [--seed S] [--bias CODE=STEPS ...] [--truth FILE]\n',
      );
      process.exitCode = 2;
      return;
    }
    const biases: Record<string, number> = {};
    for (const bias of options.bias ?? []) {
      const [code, steps] = bias.split('=');
      if (!FORCE_CODES.has(code) || !Number.isFinite(Number(steps))) {
        process.stderr.write(
          `Bad --bias "${bias}": write CODE=STEPS with a force code from forces.json, e.g. kent=0.8\n`,
        );
        process.exitCode = 2;
        return;
      }
      biases[code] = Number(steps);
    }
    const truthPath = options.truth ?? `${options.out.replace(/\.jsonl$/, '')}.truth.jsonl`;
    const out = createWriteStream(options.out);
    const truth = createWriteStream(truthPath);
    let written = 0;
    for (const item of syntheticPrecedents({
      cases: options.cases,
      seed: options.seed ?? 'precedent',
      biases,
    })) {
      const more = out.write(JSON.stringify(item.record) + '\n');
      truth.write(JSON.stringify(item.truth) + '\n');
      if (!more) await once(out, 'drain');
      if (++written % 100_000 === 0 && process.stderr.isTTY) process.stderr.write(`\r${written} written…`);
    }
    out.end();
    truth.end();
    await Promise.all([finished(out), finished(truth)]);
    process.stdout.write(`Wrote ${written} precedents to ${options.out} and their truth to ${truthPath}.\n`);
  }

  @Option({ flags: '--out <file>', description: 'The JSON Lines file to write' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--cases <n>', description: 'How many precedents' })
  parseCases(value: string): number {
    const cases = Number(value);
    if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases must be a whole number ≥ 1');
    return cases;
  }

  @Option({ flags: '--seed <seed>', description: 'The same seed writes the same data' })
  parseSeed(value: string): string {
    return value;
  }

  @Option({ flags: '--bias <code=steps>', description: 'A force bias in outcome steps (may repeat)' })
  parseBias(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }

  @Option({ flags: '--truth <file>', description: 'Where to write the truth (default FILE.truth.jsonl)' })
  parseTruth(value: string): string {
    return value;
  }
}
