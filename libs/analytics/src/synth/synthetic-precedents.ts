import seedrandom from 'seedrandom';
import {
  FORCES,
  OUTCOMES_ONLY_UNDER,
  regimeFor,
  type AggravatingFactor,
  type Audience,
  type Category,
  type ConductRecord,
  type Finding,
  type Forum,
  type MitigatingFactor,
  type Outcome,
  type Participation,
  type Platform,
  type PrecedentRecord,
  type Regime,
  type StageOutcome,
  type SubjectRole,
  type Target,
} from '@precedent/exchange';

/**
 * Synthetic national data with a known truth (docs/analytics-method.md §5): each case is drawn from a
 * latent seriousness (what was said, about whom, to how many, the subject's part, rank, factors),
 * the seriousness maps to a fair step on the outcome scale, and then each force's chosen bias and
 * noise move the step actually given. Tests and benchmarks check the analytics recover the truth.
 * Every record is fictional: refs, texts and forces' decisions are made up.
 */
export interface SynthOptions {
  cases: number;
  seed: string;
  /** Force code → bias in outcome steps (positive: harsher than the national picture). */
  biases?: Record<string, number>;
  /** Standard deviation of the per-decision noise, in steps. */
  noise?: number;
  /** The latest decision date (YYYY-MM-DD); decisions spread over the ten years before it. */
  until?: string;
  /**
   * What drives seriousness. 'what-was-said' (the default): the categories, targets and which
   * factors. 'factor-counts': how many aggravating and mitigating factors there are, not which,
   * with what was said counting half. 'reach-and-volume': the audience, being identifiable as
   * police and the number of messages count more, what was said half. The similarity weights were
   * first tuned on the default; the others check that learned weights follow the data instead.
   */
  seriousness?: SeriousnessDriver;
}

export type SeriousnessDriver = 'what-was-said' | 'factor-counts' | 'reach-and-volume';

interface DriverScales {
  said: number;
  audience: number;
  identifiable: number;
  messages: number;
  aggravatingChance: number;
  mitigatingChance: number;
  /** Per factor, by count, instead of each factor's own weight; null: each factor's own weight. */
  perAggravating: number | null;
  perMitigating: number | null;
}

const DRIVERS: Record<SeriousnessDriver, DriverScales> = {
  'what-was-said': {
    said: 1,
    audience: 1,
    identifiable: 0.3,
    messages: 0.25,
    aggravatingChance: 0.15,
    mitigatingChance: 0.2,
    perAggravating: null,
    perMitigating: null,
  },
  'factor-counts': {
    said: 0.5,
    audience: 1,
    identifiable: 0.3,
    messages: 0.25,
    aggravatingChance: 0.25,
    mitigatingChance: 0.25,
    perAggravating: 0.5,
    perMitigating: -0.35,
  },
  'reach-and-volume': {
    said: 0.5,
    audience: 2.5,
    identifiable: 0.6,
    messages: 0.6,
    aggravatingChance: 0.15,
    mitigatingChance: 0.2,
    perAggravating: null,
    perMitigating: null,
  },
};

export interface SynthTruth {
  ref: string;
  force: string;
  latent: number;
  fairStep: number;
  bias: number;
}

export interface SynthCase {
  record: PrecedentRecord;
  truth: SynthTruth;
}

const CATEGORY_WEIGHTS: [Category, number, number][] = [
  // category, how often, how serious (latent contribution)
  ['discriminatory', 35, 2.0],
  ['abusive_or_offensive', 18, 1.0],
  ['mocking_victims_or_public', 11, 1.2],
  ['sexual', 10, 1.5],
  ['violent_or_threatening', 8, 1.8],
  ['disclosure_of_police_information', 8, 1.5],
  ['political_or_partisan', 4, 0.6],
  ['extremist', 2, 2.3],
  ['other', 4, 0.5],
];
const TARGET_WEIGHTS: [Target, number][] = [
  ['race', 40],
  ['sex', 20],
  ['religion_belief', 12],
  ['sexual_orientation', 12],
  ['disability', 8],
  ['gender_reassignment', 5],
  ['age', 3],
];
const AUDIENCE_WEIGHTS: [Audience, number, number][] = [
  ['public', 25, 0.6],
  ['followers', 20, 0.4],
  ['private_group', 40, 0.2],
  ['direct_message', 15, 0],
];
const PLATFORMS_BY_AUDIENCE: Record<Audience, [Platform, number][]> = {
  public: [
    ['twitter', 40],
    ['facebook', 30],
    ['tiktok', 15],
    ['instagram', 15],
  ],
  followers: [
    ['facebook', 40],
    ['instagram', 35],
    ['snapchat', 15],
    ['other', 10],
  ],
  private_group: [
    ['whatsapp', 70],
    ['facebook', 10],
    ['telegram', 10],
    ['snapchat', 10],
  ],
  direct_message: [
    ['whatsapp', 50],
    ['instagram', 20],
    ['snapchat', 20],
    ['other', 10],
  ],
};
const PARTICIPATION_WEIGHTS: [Participation, number, number][] = [
  ['author', 65, 0],
  ['shared', 15, -0.6],
  ['reacted', 10, -1.1],
  ['failed_to_challenge', 10, -1.4],
];
const ROLE_WEIGHTS: [SubjectRole, number, number][] = [
  ['constable', 68, 0],
  ['sergeant', 12, 0.2],
  ['inspector', 5, 0.3],
  ['chief_inspector', 2, 0.4],
  ['superintendent', 1, 0.5],
  ['special_constable', 5, 0],
  ['pcso', 4, -0.1],
  ['police_staff', 3, -0.1],
];
const AGGRAVATING: [AggravatingFactor, number][] = [
  ['discriminatory_motive', 0.35],
  ['repeated_or_sustained', 0.3],
  ['significant_public_impact', 0.35],
  ['abuse_of_position', 0.3],
  ['vulnerable_victim', 0.3],
  ['misogyny_or_vawg', 0.3],
  ['police_information_or_images', 0.25],
  ['premeditation', 0.2],
  ['concealment', 0.25],
  ['lack_of_insight', 0.2],
];
const MITIGATING: [MitigatingFactor, number][] = [
  ['early_admission', -0.2],
  ['genuine_remorse', -0.2],
  ['isolated_incident', -0.15],
  ['error_of_judgement', -0.15],
  ['limited_audience', -0.1],
  ['good_record', -0.05],
  ['personal_circumstances', -0.05],
];
/** Words to build fictional comments from: varied, never real slurs. */
const WORDS: Record<Category, string[]> = {
  discriminatory: [
    'those',
    'people',
    'lot',
    'send',
    'back',
    'where',
    'came',
    'from',
    'dont',
    'belong',
    'here',
    'ruining',
    'area',
    'typical',
    'their',
    'kind',
    'always',
    'lazy',
    'cant',
    'trust',
    'never',
    'change',
    'breed',
    'invading',
    'flooding',
    'country',
  ],
  abusive_or_offensive: [
    'idiot',
    'moron',
    'useless',
    'waste',
    'space',
    'shut',
    'mouth',
    'pathetic',
    'clown',
    'joke',
    'disgusting',
    'vile',
    'scum',
    'rubbish',
    'loser',
    'muppet',
  ],
  mocking_victims_or_public: [
    'deserved',
    'it',
    'crying',
    'again',
    'victim',
    'laugh',
    'funny',
    'state',
    'of',
    'him',
    'her',
    'asked',
    'for',
    'lol',
    'haha',
    'karma',
    'serves',
    'right',
  ],
  sexual: [
    'fit',
    'bird',
    'body',
    'look',
    'at',
    'her',
    'would',
    'send',
    'pics',
    'night',
    'shift',
    'uniform',
    'hot',
    'legs',
    'chest',
    'desperate',
  ],
  violent_or_threatening: [
    'smash',
    'teeth',
    'kick',
    'head',
    'batter',
    'deserve',
    'beating',
    'wait',
    'till',
    'catch',
    'alone',
    'burn',
    'house',
    'down',
    'hurt',
    'bad',
  ],
  disclosure_of_police_information: [
    'custody',
    'record',
    'address',
    'intel',
    'says',
    'nominal',
    'arrested',
    'yesterday',
    'pnc',
    'check',
    'file',
    'victim',
    'name',
    'statement',
    'photo',
    'scene',
  ],
  political_or_partisan: [
    'vote',
    'party',
    'government',
    'minister',
    'rally',
    'protest',
    'leftie',
    'tory',
    'march',
    'election',
    'agenda',
    'woke',
  ],
  extremist: [
    'remigration',
    'pure',
    'nation',
    'war',
    'coming',
    'join',
    'cause',
    'banner',
    'uprising',
    'traitors',
    'day',
    'of',
    'reckoning',
  ],
  other: [
    'shift',
    'boss',
    'rota',
    'overtime',
    'canteen',
    'van',
    'sarge',
    'briefing',
    'leave',
    'annoying',
    'again',
    'today',
  ],
};
const FILLER = [
  'and',
  'the',
  'so',
  'just',
  'mate',
  'honestly',
  'all',
  'of',
  'them',
  'lads',
  'this',
  'is',
  'why',
  'we',
  'like',
  'really',
  'total',
];

/** Latent seriousness → fair step: the thresholds between steps 0|1|2|3|4|5|6 of the scale. */
const STEP_THRESHOLDS = [0.9, 1.5, 2.0, 2.6, 3.3, 3.8];

export function* syntheticPrecedents(options: SynthOptions): Generator<SynthCase> {
  const random = seedrandom(options.seed);
  const pick = <T>(choices: [T, number, ...unknown[]][]): [T, number, ...unknown[]] =>
    weighted(random, choices);
  const normal = () => gaussian(random);
  const forces = FORCES.map((force) => force.code);
  const noise = options.noise ?? 0.45;
  const until = Date.parse(`${options.until ?? '2026-10-31'}T00:00:00Z`);
  const tenYears = 10 * 365 * 86_400_000;
  const driver = DRIVERS[options.seriousness ?? 'what-was-said'];

  for (let index = 0; index < options.cases; index++) {
    const force = forces[Math.floor(random() * forces.length)];
    const decidedOn = new Date(until - Math.floor(random() * tenYears)).toISOString().slice(0, 10);
    const regime: Regime = regimeFor(decidedOn);

    const [primary, , primaryWeight] = pick(CATEGORY_WEIGHTS) as [Category, number, number];
    const categories = new Set<Category>([primary]);
    let latent = driver.said * primaryWeight;
    if (random() < 0.25) {
      const [second, , secondWeight] = pick(CATEGORY_WEIGHTS) as [Category, number, number];
      if (!categories.has(second)) latent += driver.said * 0.3 * secondWeight;
      categories.add(second);
    }
    const targets = new Set<Target>();
    if (categories.has('discriminatory') || categories.has('extremist')) {
      targets.add(pick(TARGET_WEIGHTS)[0]);
      if (random() < 0.2) targets.add(pick(TARGET_WEIGHTS)[0]);
    } else if ((categories.has('sexual') || categories.has('abusive_or_offensive')) && random() < 0.3) {
      targets.add('sex');
    }
    latent += driver.said * 0.3 * targets.size;
    const [audience, , audienceWeight] = pick(AUDIENCE_WEIGHTS) as [Audience, number, number];
    latent += driver.audience * audienceWeight;
    const identifiable = random() < 0.3;
    if (identifiable) latent += driver.identifiable;
    const [participation, , participationWeight] = pick(PARTICIPATION_WEIGHTS) as [
      Participation,
      number,
      number,
    ];
    latent += participationWeight;
    const [role, , roleWeight] = pick(ROLE_WEIGHTS) as [SubjectRole, number, number];
    latent += roleWeight;
    const messageCount = 1 + Math.floor(-Math.log(1 - random()) * 4);
    latent += driver.messages * Math.log2(messageCount);
    const aggravating = AGGRAVATING.filter(() => random() < driver.aggravatingChance);
    const mitigating = MITIGATING.filter(() => random() < driver.mitigatingChance);
    latent +=
      driver.perAggravating === null
        ? aggravating.reduce((sum, [, weight]) => sum + weight, 0)
        : driver.perAggravating * aggravating.length;
    latent +=
      driver.perMitigating === null
        ? mitigating.reduce((sum, [, weight]) => sum + weight, 0)
        : driver.perMitigating * mitigating.length;
    latent += 0.3 * normal();

    const fairContinuous = continuousStep(latent);
    const fairStep = nearestValidStep(fairContinuous, regime);
    const bias = options.biases?.[force] ?? 0;
    const step = nearestValidStep(fairContinuous + bias + noise * normal(), regime);
    const formerOfficer = random() < 0.08;
    const forum: Forum =
      step >= 5
        ? random() < 0.1
          ? 'accelerated_hearing'
          : 'misconduct_hearing'
        : step >= 4 && random() < 0.5
          ? 'misconduct_hearing'
          : 'misconduct_meeting';
    const finding: Finding =
      step === 0
        ? random() < 0.4
          ? 'not_proven'
          : 'misconduct'
        : step === 1
          ? 'practice_requiring_improvement'
          : step >= 5 || forum !== 'misconduct_meeting'
            ? 'gross_misconduct'
            : 'misconduct';
    const outcome = outcomeFor(step, regime, formerOfficer, random);
    const platform = pick(PLATFORMS_BY_AUDIENCE[audience])[0];
    const items = 1 + (random() < 0.2 ? 1 : 0);
    const conduct: ConductRecord[] = [];
    for (let item = 0; item < items; item++) {
      conduct.push({
        platform,
        audience,
        audienceSize: audienceSize(audience, random),
        postedOn: new Date(Date.parse(decidedOn) - (200 + Math.floor(random() * 400)) * 86_400_000)
          .toISOString()
          .slice(0, 10),
        text: comment([...categories], random),
        categories: [...categories],
        targets: [...targets],
        offDuty: random() < 0.85,
        identifiableAsPolice: identifiable,
        participation,
      });
    }
    const ref = `${force}:synth-${options.seed}-${index}`;
    yield {
      record: {
        formatVersion: 1,
        ref,
        force,
        decidedOn,
        forum,
        subject: { role, formerOfficer, serviceYears: Math.floor(random() * 25) },
        conduct,
        messageCount: Math.max(messageCount, conduct.length),
        standards: categories.has('discriminatory')
          ? ['discreditable_conduct', 'equality_and_diversity']
          : categories.has('disclosure_of_police_information')
            ? ['confidentiality', 'discreditable_conduct']
            : ['discreditable_conduct', 'authority_respect_and_courtesy'],
        finding,
        outcome,
        culpability: level(latent + 0.4 * normal(), 1.4, 2.6),
        harm: level(latent + 0.4 * normal(), 1.6, 2.8),
        aggravating: aggravating.map(([code]) => code),
        mitigating: mitigating.map(([code]) => code),
        regime,
        stages: stagesFor(fairContinuous, step, outcome, forum, regime, formerOfficer, random, normal),
      },
      truth: { ref, force, latent, fairStep, bias },
    };
  }
}

/**
 * What each stage recommended: the investigator from the conduct alone (no force bias, more noise),
 * the appropriate authority nearer the final outcome, the panel the final outcome itself, and, for
 * a few hearings, an appeal that sometimes lowers it (the final outcome stays the panel's here).
 */
function stagesFor(
  fairContinuous: number,
  step: number,
  outcome: Outcome,
  forum: Forum,
  regime: Regime,
  formerOfficer: boolean,
  random: () => number,
  normal: () => number,
): StageOutcome[] {
  const recommend = (continuous: number): Outcome => {
    const recommended = nearestValidStep(continuous, regime);
    if (recommended >= 5 && forum === 'misconduct_meeting') return 'final_written_warning';
    return outcomeFor(recommended, regime, formerOfficer, random);
  };
  const stages: StageOutcome[] = [
    { stage: 'investigator', outcome: recommend(fairContinuous + 0.6 * normal()) },
    { stage: 'appropriate_authority', outcome: recommend((fairContinuous + step) / 2 + 0.3 * normal()) },
    { stage: 'panel', outcome },
  ];
  if (forum !== 'misconduct_meeting' && random() < 0.05) {
    stages.push({ stage: 'appeal', outcome: random() < 0.3 ? recommend(step - 1) : outcome });
  }
  return stages;
}

/** A continuous position on the step scale, piecewise linear between the thresholds. */
export function continuousStep(latent: number): number {
  if (latent < STEP_THRESHOLDS[0]) return Math.max(-0.49, latent / STEP_THRESHOLDS[0] - 0.5);
  for (let step = 1; step < STEP_THRESHOLDS.length; step++) {
    const low = STEP_THRESHOLDS[step - 1];
    const high = STEP_THRESHOLDS[step];
    if (latent < high) return step - 0.5 + (latent - low) / (high - low);
  }
  return Math.min(6.49, 5.5 + (latent - STEP_THRESHOLDS[5]) / 0.6);
}

/** The nearest step that has an outcome under the regime (no reflective practice in 2012, …). */
function nearestValidStep(continuous: number, regime: Regime): number {
  const valid = regime === 'pcr2012' ? [0, 2, 3, 4, 6] : [0, 1, 3, 4, 5, 6];
  let best = valid[0];
  for (const step of valid) if (Math.abs(step - continuous) < Math.abs(best - continuous)) best = step;
  return best;
}

function outcomeFor(step: number, regime: Regime, formerOfficer: boolean, random: () => number): Outcome {
  const byStep: Outcome[] = [
    'no_further_action',
    'reflective_practice',
    'management_advice',
    'written_warning',
    'final_written_warning',
    'reduction_in_rank',
  ];
  if (step < 6) return byStep[step];
  if (formerOfficer) return 'would_have_been_dismissed';
  const outcome: Outcome =
    regime === 'pcr2012' && random() < 0.3 ? 'dismissal_with_notice' : 'dismissal_without_notice';
  return OUTCOMES_ONLY_UNDER[outcome] && OUTCOMES_ONLY_UNDER[outcome] !== regime
    ? 'dismissal_without_notice'
    : outcome;
}

function audienceSize(audience: Audience, random: () => number): number {
  switch (audience) {
    case 'public':
      return Math.floor(Math.exp(5 + 2 * random() * 2));
    case 'followers':
      return Math.floor(50 + random() * 1500);
    case 'private_group':
      return Math.floor(3 + random() * 40);
    default:
      return 1;
  }
}

function comment(categories: Category[], random: () => number): string {
  const words: string[] = [];
  const length = 6 + Math.floor(random() * 18);
  for (let index = 0; index < length; index++) {
    const pool = random() < 0.7 ? WORDS[categories[Math.floor(random() * categories.length)]] : FILLER;
    words.push(pool[Math.floor(random() * pool.length)]);
  }
  return words.join(' ');
}

function level(value: number, medium: number, high: number): 'low' | 'medium' | 'high' {
  return value >= high ? 'high' : value >= medium ? 'medium' : 'low';
}

function weighted<T extends [unknown, number, ...unknown[]]>(random: () => number, choices: T[]): T {
  const total = choices.reduce((sum, choice) => sum + choice[1], 0);
  let draw = random() * total;
  for (const choice of choices) {
    draw -= choice[1];
    if (draw < 0) return choice;
  }
  return choices[choices.length - 1];
}

/** A standard normal draw (Box–Muller). */
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}
