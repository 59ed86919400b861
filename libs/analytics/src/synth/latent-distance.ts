import { conductFeatures } from '../comparables/conduct-features';
import type { PrecedentIndex } from '../comparables/precedent-index';
import type { SynthCase } from './synthetic-precedents';

/**
 * How well comparables follow the generator's hidden truth: the mean latent-seriousness distance
 * between each query and its 20 most comparable precedents, over the mean distance to 20 drawn at
 * random (1 is no better than chance, 0 is perfect). `queries` are positions in `cases`, which the
 * index holds in the same order; `random` draws the random precedents.
 */
export function latentDistanceRatio(
  cases: readonly SynthCase[],
  index: PrecedentIndex,
  queries: Iterable<number>,
  random: () => number,
): number {
  let nearest = 0;
  let randomly = 0;
  for (const at of queries) {
    const latent = cases[at].truth.latent;
    const found = index.search(conductFeatures(cases[at].record), { k: 20, excludeIndex: at });
    nearest +=
      found.reduce((sum, n) => sum + Math.abs(cases[n.index].truth.latent - latent), 0) / found.length;
    let sum = 0;
    for (let draw = 0; draw < 20; draw++)
      sum += Math.abs(cases[Math.floor(random() * cases.length)].truth.latent - latent);
    randomly += sum / 20;
  }
  return nearest / randomly;
}
