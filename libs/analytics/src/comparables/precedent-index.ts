import {
  FINGERPRINT_WORDS,
  SHARED_WORDING_DISTANCE,
  hammingDistance,
  popcount32,
} from '../text/text-matching.rules';
import type { ConductFeatures } from './conduct-features';
import {
  DEFAULT_MODEL,
  PARTICIPATION_SHARE,
  REACH_SHARE,
  aggravatingCount,
  audienceSimilarity,
  factorBalanceSimilarity,
  factorCountSimilarity,
  jaccard,
  mitigatingCount,
  levelSimilarity,
  ordinal,
  participationSimilarity,
  rawSimilarity,
  shownSimilarity,
  similarityParts,
  subjectSimilarity,
  volumeSimilarity,
  combine,
  type FactorShares,
  type SimilarityModel,
  type SimilarityParts,
} from './similarity.rules';

/** What the index keeps of a precedent beside its features: enough to filter and to answer. */
export interface IndexedPrecedent {
  id: number;
  ref: string;
  force: number;
  /** Days since 1970-01-01. */
  decidedOn: number;
  forum: number;
  finding: number;
  outcome: number;
  step: number;
}

export interface SearchOptions {
  k: number;
  /** Only these forces (force numbers), when given. */
  forces?: ReadonlySet<number>;
  excludeForce?: number;
  excludeIndex?: number;
  excludeRefs?: ReadonlySet<string>;
  fromDay?: number;
  toDay?: number;
  forums?: ReadonlySet<number>;
  findings?: ReadonlySet<number>;
  /** Only precedents whose step is at least `minStepGap` away from this step (the pairs that went the other way). */
  awayFromStep?: number;
  minStepGap?: number;
  /** Only precedents at least this similar: the search stops once no block left can reach it. */
  minSimilarity?: number;
  /**
   * Count similarity with this model instead of the index's own, for this search only: the
   * index's model made to count only what a query states (modelForStated). Pass the same object
   * for the same model, so block orders cached for it are reused.
   */
  model?: SimilarityModel;
}

export interface Neighbour {
  index: number;
  similarity: number;
}

interface BlockOrder {
  order: Int32Array;
  bounds: Float64Array;
  base: Float64Array;
}
const MAX_CACHED_ORDERS = 512;
/** Models whose block orders are kept: the index's own and the few sets of stated parts asked about. */
const MAX_CACHED_MODELS = 64;
/** Rows of the factor-count table: up to 16 aggravating or mitigating factors (the format has 13 and 9). */
const COUNT_ROW = 16;

/** The fingerprint is cut into 8 pieces of 16 bits for multi-index search (Norouzi et al.). */
const PIECES = 8;
const PIECE_BITS = 16;
/** Any fingerprint within 23 bits shares at least one piece within 2 bits of the query's. */
const PIECE_RADIUS = Math.floor((SHARED_WORDING_DISTANCE - 1) / PIECES);
const PIECE_VARIANTS = piecesWithin(PIECE_RADIUS);

/**
 * Precedents in memory as columns of small integers, searched for the k most similar to a
 * profile without comparing against all of them:
 *  - shared wording is found through a multi-index of the text fingerprints, so only texts within
 *    the shared-wording distance are compared word for word (everything else has text part 0);
 *  - the rest are grouped in blocks of identical categories, targets, participation and reach,
 *    whose similarity to the query bounds every member's. Blocks are visited best bound first and
 *    the search stops when no block left can beat the k-th best found. The answer is exact.
 */
export class PrecedentIndex {
  private model: SimilarityModel;
  private size = 0;
  private category = new Uint16Array(0);
  private target = new Uint16Array(0);
  private audience = new Uint8Array(0);
  private platform = new Uint8Array(0);
  private participation = new Uint8Array(0);
  private role = new Uint8Array(0);
  private factor = new Int32Array(0);
  private levels = new Uint8Array(0);
  private volume = new Uint8Array(0);
  private hasText = new Uint8Array(0);
  private fingerprint = new Int32Array(0);
  private meta: {
    id: Int32Array;
    force: Uint8Array;
    decidedOn: Int32Array;
    forum: Uint8Array;
    finding: Uint8Array;
    outcome: Uint8Array;
    step: Uint8Array;
  } = {
    id: new Int32Array(0),
    force: new Uint8Array(0),
    decidedOn: new Int32Array(0),
    forum: new Uint8Array(0),
    finding: new Uint8Array(0),
    outcome: new Uint8Array(0),
    step: new Uint8Array(0),
  };
  private refs: string[] = [];
  private sealed = false;
  private blockKeys = new Int32Array(0);
  private blockCellStart = new Int32Array(0);
  private cellKeys = new Int32Array(0);
  private cellStart = new Int32Array(0);
  private blockMembers = new Int32Array(0);
  private pieceStart: Int32Array[] = [];
  private pieceMembers: Int32Array[] = [];
  /** Per search: precedents already scored, and fingerprints already compared. */
  private orders = new Map<SimilarityModel, Map<number, BlockOrder>>();
  private seen = new Uint32Array(0);
  private probed = new Uint32Array(0);
  private generation = 0;

  constructor(capacity: number, model: SimilarityModel = DEFAULT_MODEL) {
    this.model = model;
    this.grow(Math.max(16, capacity));
  }

  get weights(): Readonly<SimilarityParts> {
    return this.model.weights;
  }

  get factorShares(): Readonly<FactorShares> {
    return this.model.factorShares;
  }

  get similarityModel(): SimilarityModel {
    return this.model;
  }

  /**
   * Counts similarity another way from now on (weights learned from the data). The blocks depend
   * on the features alone and stay; the block orders cached for queries depend on the weights.
   */
  reweight(model: SimilarityModel): this {
    this.model = model;
    this.orders.clear();
    return this;
  }

  get count(): number {
    return this.size;
  }

  add(features: ConductFeatures, precedent: IndexedPrecedent): number {
    if (this.sealed) throw new Error('The precedent index is sealed: build a new one to add precedents');
    if (this.size === this.category.length) this.grow(this.size * 2);
    const at = this.size++;
    this.category[at] = features.categoryMask;
    this.target[at] = features.targetMask;
    this.audience[at] = features.audienceRank | (features.identifiable ? 4 : 0);
    this.platform[at] = features.platformMask;
    this.participation[at] = features.participation;
    this.role[at] = features.role | (features.formerOfficer ? 16 : 0);
    this.factor[at] = features.factorMask;
    this.levels[at] = features.culpability * 4 + features.harm;
    this.volume[at] = (features.sizeBucket + 1) * 8 + features.messageBucket;
    if (features.fingerprint) {
      this.hasText[at] = 1;
      this.fingerprint.set(features.fingerprint, at * FINGERPRINT_WORDS);
    }
    this.meta.id[at] = precedent.id;
    this.meta.force[at] = precedent.force;
    this.meta.decidedOn[at] = precedent.decidedOn;
    this.meta.forum[at] = precedent.forum;
    this.meta.finding[at] = precedent.finding;
    this.meta.outcome[at] = precedent.outcome;
    this.meta.step[at] = precedent.step;
    this.refs[at] = precedent.ref;
    return at;
  }

  /** Builds the blocks and the text multi-index; after this the index only answers searches. */
  seal(): this {
    this.sealed = true;
    this.buildBlocks();
    this.buildPieces();
    this.seen = new Uint32Array(this.size);
    this.probed = new Uint32Array(this.size);
    return this;
  }

  /** Every precedent, members of one block together: searches in this order reuse the block order. */
  indicesByBlock(): Int32Array {
    return this.blockMembers;
  }

  precedentAt(index: number): IndexedPrecedent {
    return {
      id: this.meta.id[index],
      ref: this.refs[index],
      force: this.meta.force[index],
      decidedOn: this.meta.decidedOn[index],
      forum: this.meta.forum[index],
      finding: this.meta.finding[index],
      outcome: this.meta.outcome[index],
      step: this.meta.step[index],
    };
  }

  featuresAt(index: number): ConductFeatures {
    const hasText = this.hasText[index] === 1;
    return {
      categoryMask: this.category[index],
      targetMask: this.target[index],
      audienceRank: this.audience[index] & 3,
      identifiable: (this.audience[index] & 4) !== 0,
      platformMask: this.platform[index],
      participation: this.participation[index],
      role: this.role[index] & 15,
      formerOfficer: (this.role[index] & 16) !== 0,
      factorMask: this.factor[index],
      culpability: this.levels[index] >> 2,
      harm: this.levels[index] & 3,
      messageBucket: this.volume[index] & 7,
      sizeBucket: (this.volume[index] >> 3) - 1,
      fingerprint: hasText
        ? this.fingerprint.slice(index * FINGERPRINT_WORDS, (index + 1) * FINGERPRINT_WORDS)
        : null,
    };
  }

  parts(query: ConductFeatures, index: number, model: SimilarityModel = this.model): SimilarityParts {
    return similarityParts(query, this.featuresAt(index), model.factorShares);
  }

  /** The k most similar precedents passing the filters, most similar first. */
  search(query: ConductFeatures, options: SearchOptions): Neighbour[] {
    if (!this.sealed) throw new Error('Seal the precedent index before searching it');
    const model = options.model ?? this.model;
    // scores are the model's weighted means; a minimum is asked for, and answers given, as shown
    const best = new TopK(
      options.k,
      options.minSimilarity === undefined ? -Infinity : rawSimilarity(model, options.minSimilarity),
    );
    const generation = this.nextGeneration();
    const weights = model.weights;
    const queryHasText = query.fingerprint !== null;
    const totalWeight = queryHasText ? 1 : 1 - weights.text;
    const tables = this.itemTables(query, model);

    // 1. Shared wording: the only precedents whose text part is above 0.
    if (query.fingerprint) {
      for (const index of this.textCandidates(query.fingerprint, generation)) {
        if (!this.passes(index, options)) continue;
        const parts = similarityParts(query, this.featuresAt(index), model.factorShares);
        best.offer(index, combine(parts, weights, true));
      }
    }

    // 2. Everything else by blocks, best bound first, until no block can beat the k-th best.
    const filtered =
      options.excludeForce !== undefined ||
      options.forces !== undefined ||
      options.fromDay !== undefined ||
      options.toDay !== undefined ||
      options.forums !== undefined ||
      options.findings !== undefined ||
      options.awayFromStep !== undefined ||
      options.excludeRefs !== undefined;
    const { order, bounds, base: blockBase } = this.blockOrder(query, totalWeight, model);
    const {
      platformTable,
      subjectTable,
      levelTable,
      countTable,
      volumeTable,
      identifiableSame,
      identifiableDifferent,
    } = tables;
    const shares = model.factorShares;
    const whichWeight = weights.factors * shares.which;
    const factorMaximum = weights.factors * (shares.which + shares.count + shares.balance) + weights.volume;
    const countsMatter = shares.count > 0 || shares.balance > 0;
    for (const block of order) {
      if (bounds[block] < best.least || (best.full && bounds[block] <= best.floor)) break;
      const base = blockBase[block];
      // Within a block, cells share everything but factors and volume: a cell that cannot beat
      // the k-th best even with both at their best is passed over whole.
      for (
        let cell = this.blockCellStart[block], lastCell = this.blockCellStart[block + 1];
        cell < lastCell;
        cell++
      ) {
        const key = this.cellKeys[cell];
        const cellBase =
          base +
          ((((key >> 4) & 1) === 1) === query.identifiable ? identifiableSame : identifiableDifferent) +
          platformTable[(key >>> 10) & 0xff] +
          subjectTable[(key >> 5) & 31] +
          levelTable[key & 15];
        const cellBound = (cellBase + factorMaximum) / totalWeight;
        if (cellBound < best.least || (best.full && cellBound <= best.floor)) continue;
        for (let at = this.cellStart[cell], end = this.cellStart[cell + 1]; at < end; at++) {
          const index = this.blockMembers[at];
          if (this.seen[index] === generation || index === options.excludeIndex) continue;
          if (filtered && !this.passes(index, options)) continue;
          const factor = this.factor[index];
          const union = popcount32(query.factorMask | factor);
          const factorJaccard = union === 0 ? 1 : popcount32(query.factorMask & factor) / union;
          const counts = countsMatter
            ? countTable[aggravatingCount(factor) * COUNT_ROW + mitigatingCount(factor)]
            : 0;
          const score =
            (cellBase + whichWeight * factorJaccard + counts + volumeTable[this.volume[index]]) / totalWeight;
          best.offer(index, score);
        }
      }
    }
    if (!model.calibration) return best.sorted();
    return best.sorted().map((n) => ({ index: n.index, similarity: shownSimilarity(model, n.similarity) }));
  }

  /**
   * The blocks' shared score and bound for a query, best first. They depend only on the query's
   * own block key, so they are kept for the next query with the same key (the disparity job asks
   * for every member of a block in turn).
   */
  private blockOrder(query: ConductFeatures, totalWeight: number, model: SimilarityModel): BlockOrder {
    const queryKey =
      query.categoryMask | (query.targetMask << 9) | (query.participation << 18) | (query.audienceRank << 20);
    const cacheKey = queryKey * 2 + (query.fingerprint ? 1 : 0);
    let orders = this.orders.get(model);
    if (!orders) {
      // a few models at most (the index's own and one per set of stated parts), kept while they last
      if (this.orders.size >= MAX_CACHED_MODELS) this.orders.clear();
      orders = new Map();
      this.orders.set(model, orders);
    }
    const cached = orders.get(cacheKey);
    if (cached) return cached;
    const weights = model.weights;
    const blocks = this.blockKeys.length;
    const bounds = new Float64Array(blocks);
    const base = new Float64Array(blocks);
    const itemMaximum =
      weights.platform +
      weights.factors +
      weights.volume +
      weights.audience * (1 - REACH_SHARE) +
      weights.role * (1 - PARTICIPATION_SHARE);
    for (let block = 0; block < blocks; block++) {
      const key = this.blockKeys[block];
      base[block] =
        weights.categories * jaccard(query.categoryMask, key & 0x1ff) +
        weights.targets * jaccard(query.targetMask, (key >>> 9) & 0x1ff) +
        weights.role * PARTICIPATION_SHARE * participationSimilarity(query.participation, (key >>> 18) & 3) +
        weights.audience * REACH_SHARE * ordinal(query.audienceRank, (key >>> 20) & 3, 3);
      bounds[block] = (base[block] + itemMaximum) / totalWeight;
    }
    const order = Int32Array.from({ length: blocks }, (_, block) => block).sort(
      (a, b) => bounds[b] - bounds[a],
    );
    if (orders.size >= MAX_CACHED_ORDERS) orders.clear();
    const result = { order, bounds, base };
    orders.set(cacheKey, result);
    return result;
  }

  /** The parts that vary within a block, as look-up tables for this query. */
  private itemTables(query: ConductFeatures, model: SimilarityModel) {
    const weights = model.weights;
    const platformTable = new Float64Array(256);
    for (let mask = 0; mask < 256; mask++)
      platformTable[mask] = weights.platform * jaccard(query.platformMask, mask);
    const subjectTable = new Float64Array(32);
    for (let code = 0; code < 32; code++) {
      const role = code & 15;
      if (role > 8) continue;
      subjectTable[code] =
        weights.role *
        (1 - PARTICIPATION_SHARE) *
        subjectSimilarity(query.role, query.formerOfficer, role, (code & 16) !== 0);
    }
    const shares = model.factorShares;
    const levelTable = new Float64Array(16);
    for (let code = 0; code < 16; code++) {
      levelTable[code] =
        weights.factors *
        (shares.culpability * levelSimilarity(query.culpability, code >> 2) +
          shares.harm * levelSimilarity(query.harm, code & 3));
    }
    // The counts and balance part, by the item's numbers of aggravating and mitigating factors.
    const queryAggravating = aggravatingCount(query.factorMask);
    const queryMitigating = mitigatingCount(query.factorMask);
    const countTable = new Float64Array(COUNT_ROW * COUNT_ROW);
    for (let aggravating = 0; aggravating < COUNT_ROW; aggravating++) {
      for (let mitigating = 0; mitigating < COUNT_ROW; mitigating++) {
        countTable[aggravating * COUNT_ROW + mitigating] =
          weights.factors *
          (shares.count * factorCountSimilarity(queryAggravating, queryMitigating, aggravating, mitigating) +
            shares.balance *
              factorBalanceSimilarity(queryAggravating, queryMitigating, aggravating, mitigating));
      }
    }
    const volumeTable = new Float64Array(72);
    for (let code = 0; code < 72; code++) {
      volumeTable[code] =
        weights.volume * volumeSimilarity(query.messageBucket, query.sizeBucket, code & 7, (code >> 3) - 1);
    }
    // The audience part's identifiable share, for an item with the query's reach already counted.
    const identifiableSame = weights.audience * (audienceSimilarity(0, true, 0, true) - REACH_SHARE);
    const identifiableDifferent = weights.audience * (audienceSimilarity(0, true, 0, false) - REACH_SHARE);
    return {
      platformTable,
      subjectTable,
      levelTable,
      countTable,
      volumeTable,
      identifiableSame,
      identifiableDifferent,
    };
  }

  private passes(index: number, options: SearchOptions): boolean {
    const meta = this.meta;
    if (index === options.excludeIndex) return false;
    if (options.excludeForce !== undefined && meta.force[index] === options.excludeForce) return false;
    if (options.forces && !options.forces.has(meta.force[index])) return false;
    if (options.fromDay !== undefined && meta.decidedOn[index] < options.fromDay) return false;
    if (options.toDay !== undefined && meta.decidedOn[index] > options.toDay) return false;
    if (options.forums && !options.forums.has(meta.forum[index])) return false;
    if (options.findings && !options.findings.has(meta.finding[index])) return false;
    if (options.excludeRefs && options.excludeRefs.has(this.refs[index])) return false;
    if (
      options.awayFromStep !== undefined &&
      Math.abs(meta.step[index] - options.awayFromStep) < (options.minStepGap ?? 1)
    )
      return false;
    return true;
  }

  /** Precedents whose text is within the shared-wording distance, each marked as scored. */
  private textCandidates(query: Int32Array, generation: number): number[] {
    const found: number[] = [];
    for (let piece = 0; piece < PIECES; piece++) {
      const value = pieceOf(query, 0, piece);
      const start = this.pieceStart[piece];
      const members = this.pieceMembers[piece];
      for (const variant of PIECE_VARIANTS) {
        const bucket = value ^ variant;
        for (let at = start[bucket], end = start[bucket + 1]; at < end; at++) {
          const index = members[at];
          if (this.probed[index] === generation) continue;
          this.probed[index] = generation;
          const distance = hammingDistance(query, 0, this.fingerprint, index * FINGERPRINT_WORDS);
          if (distance < SHARED_WORDING_DISTANCE) {
            this.seen[index] = generation;
            found.push(index);
          }
        }
      }
    }
    return found;
  }

  private nextGeneration(): number {
    this.generation = (this.generation % 0xfffffffe) + 1;
    if (this.generation === 1) {
      this.seen.fill(0);
      this.probed.fill(0);
    }
    return this.generation;
  }

  /**
   * Blocks share categories, targets, participation and reach; within a block, cells also share
   * the levels, whether identifiable as police, the subject's role and the platforms.
   */
  private buildBlocks(): void {
    const keys = new Int32Array(this.size);
    const cells = new Int32Array(this.size);
    for (let index = 0; index < this.size; index++) {
      keys[index] =
        this.category[index] |
        (this.target[index] << 9) |
        (this.participation[index] << 18) |
        ((this.audience[index] & 3) << 20);
      cells[index] =
        this.levels[index] |
        ((this.audience[index] & 4) << 2) |
        (this.role[index] << 5) |
        (this.platform[index] << 10);
    }
    const order = new Int32Array(this.size);
    for (let index = 0; index < this.size; index++) order[index] = index;
    order.sort((a, b) => keys[a] - keys[b] || cells[a] - cells[b] || a - b);
    const blockKeys: number[] = [];
    const blockCellStart: number[] = [];
    const cellKeys: number[] = [];
    const cellStart: number[] = [];
    for (let at = 0; at < this.size; at++) {
      const newBlock = at === 0 || keys[order[at]] !== keys[order[at - 1]];
      if (newBlock) {
        blockKeys.push(keys[order[at]]);
        blockCellStart.push(cellKeys.length);
      }
      if (newBlock || cells[order[at]] !== cells[order[at - 1]]) {
        cellKeys.push(cells[order[at]]);
        cellStart.push(at);
      }
    }
    blockCellStart.push(cellKeys.length);
    cellStart.push(this.size);
    this.blockKeys = Int32Array.from(blockKeys);
    this.blockCellStart = Int32Array.from(blockCellStart);
    this.cellKeys = Int32Array.from(cellKeys);
    this.cellStart = Int32Array.from(cellStart);
    this.blockMembers = order;
  }

  private buildPieces(): void {
    const buckets = 1 << PIECE_BITS;
    this.pieceStart = [];
    this.pieceMembers = [];
    for (let piece = 0; piece < PIECES; piece++) {
      const start = new Int32Array(buckets + 1);
      for (let index = 0; index < this.size; index++) {
        if (this.hasText[index]) start[pieceOf(this.fingerprint, index * FINGERPRINT_WORDS, piece) + 1]++;
      }
      for (let bucket = 0; bucket < buckets; bucket++) start[bucket + 1] += start[bucket];
      const fill = start.slice(0, buckets);
      const members = new Int32Array(start[buckets]);
      for (let index = 0; index < this.size; index++) {
        if (this.hasText[index])
          members[fill[pieceOf(this.fingerprint, index * FINGERPRINT_WORDS, piece)]++] = index;
      }
      this.pieceStart.push(start);
      this.pieceMembers.push(members);
    }
  }

  private grow(capacity: number): void {
    const copy = <T extends Uint8Array | Uint16Array | Int32Array | Uint32Array>(
      from: T,
      make: (length: number) => T,
      scale = 1,
    ): T => {
      const next = make(capacity * scale);
      next.set(from.subarray(0, this.size * scale));
      return next;
    };
    this.category = copy(this.category, (n) => new Uint16Array(n));
    this.target = copy(this.target, (n) => new Uint16Array(n));
    this.audience = copy(this.audience, (n) => new Uint8Array(n));
    this.platform = copy(this.platform, (n) => new Uint8Array(n));
    this.participation = copy(this.participation, (n) => new Uint8Array(n));
    this.role = copy(this.role, (n) => new Uint8Array(n));
    this.factor = copy(this.factor, (n) => new Int32Array(n));
    this.levels = copy(this.levels, (n) => new Uint8Array(n));
    this.volume = copy(this.volume, (n) => new Uint8Array(n));
    this.hasText = copy(this.hasText, (n) => new Uint8Array(n));
    this.fingerprint = copy(this.fingerprint, (n) => new Int32Array(n), FINGERPRINT_WORDS);
    this.meta = {
      id: copy(this.meta.id, (n) => new Int32Array(n)),
      force: copy(this.meta.force, (n) => new Uint8Array(n)),
      decidedOn: copy(this.meta.decidedOn, (n) => new Int32Array(n)),
      forum: copy(this.meta.forum, (n) => new Uint8Array(n)),
      finding: copy(this.meta.finding, (n) => new Uint8Array(n)),
      outcome: copy(this.meta.outcome, (n) => new Uint8Array(n)),
      step: copy(this.meta.step, (n) => new Uint8Array(n)),
    };
  }
}

function pieceOf(fingerprint: Int32Array, at: number, piece: number): number {
  const word = fingerprint[at + (piece >> 1)];
  return (piece & 1 ? word >>> 16 : word) & 0xffff;
}

/** Every 16-bit mask with at most `radius` bits set: the pieces to look up around the query's. */
function piecesWithin(radius: number): number[] {
  const masks: number[] = [];
  for (let mask = 0; mask < 1 << PIECE_BITS; mask++) if (popcount32(mask) <= radius) masks.push(mask);
  return masks;
}

/** The k best (index, score) pairs seen, kept sorted; the floor is the k-th best score. */
class TopK {
  private readonly items: Neighbour[] = [];
  /** `least`: the lowest similarity worth keeping at all. */
  constructor(
    private readonly k: number,
    readonly least: number,
  ) {}

  get full(): boolean {
    return this.items.length >= this.k;
  }

  get floor(): number {
    return this.full ? this.items[this.items.length - 1].similarity : -Infinity;
  }

  offer(index: number, similarity: number): void {
    if (similarity < this.least || (this.full && similarity <= this.floor)) return;
    let at = this.items.length;
    while (at > 0 && this.items[at - 1].similarity < similarity) at--;
    this.items.splice(at, 0, { index, similarity });
    if (this.items.length > this.k) this.items.pop();
  }

  sorted(): Neighbour[] {
    return [...this.items];
  }
}
