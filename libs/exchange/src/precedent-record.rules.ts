import { FORCE_CODES } from './forces';
import {
  AGGRAVATING_FACTORS,
  AUDIENCES,
  CATEGORIES,
  FINDINGS,
  FORUMS,
  HEARING_ONLY_OUTCOMES,
  LEVELS,
  MITIGATING_FACTORS,
  OUTCOMES,
  OUTCOMES_ONLY_UNDER,
  PARTICIPATION,
  PLATFORMS,
  REGIMES,
  STAGES,
  STANDARDS,
  SUBJECT_ROLES,
  TARGETS,
  regimeFor,
  type AggravatingFactor,
  type Audience,
  type Category,
  type Finding,
  type Forum,
  type Level,
  type MitigatingFactor,
  type Outcome,
  type Participation,
  type Platform,
  type Regime,
  type Stage,
  type Standard,
  type SubjectRole,
  type Target,
} from './values';

/** One conduct item of a precedent: the comment, post or message at issue. */
export interface ConductRecord {
  platform: Platform;
  audience: Audience;
  audienceSize?: number;
  postedOn?: string;
  text?: string | null;
  categories: Category[];
  targets: Target[];
  offDuty?: boolean;
  identifiableAsPolice?: boolean;
  participation: Participation;
}

/** The comparable features of a decided case: a profile is a precedent without its outcome. */
export interface ConductProfile {
  subject: { role: SubjectRole; formerOfficer: boolean; serviceYears?: number };
  conduct: ConductRecord[];
  messageCount?: number;
  standards: Standard[];
  finding?: Finding;
  culpability?: Level;
  harm?: Level;
  aggravating: AggravatingFactor[];
  mitigating: MitigatingFactor[];
}

/** One record of the precedent exchange format, version 1 (docs/exchange-format.md). */
export interface PrecedentRecord extends ConductProfile {
  formatVersion: 1;
  ref: string;
  force: string;
  decidedOn: string;
  forum: Forum;
  finding: Finding;
  outcome: Outcome;
  regime?: Regime;
  /** What each stage recommended or decided, when known (Precedent's extension of version 1). */
  stages?: StageOutcome[];
  summary?: string;
  /**
   * Gross misconduct proven from 28 May 2025 presumes dismissal: the panel's exceptional
   * circumstances for a lesser outcome, anonymised (Precedent's extension of version 1).
   */
  exceptionalCircumstances?: string;
}

export interface StageOutcome {
  stage: Stage;
  outcome: Outcome;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export type RecordReading<T> = { ok: true; record: T } | { ok: false; problems: FieldProblem[] };

const RECORD_FIELDS = new Set([
  'formatVersion',
  'ref',
  'force',
  'decidedOn',
  'forum',
  'subject',
  'conduct',
  'messageCount',
  'standards',
  'finding',
  'outcome',
  'culpability',
  'harm',
  'aggravating',
  'mitigating',
  'regime',
  'stages',
  'summary',
  'exceptionalCircumstances',
]);
const PROFILE_FIELDS = new Set([
  'subject',
  'conduct',
  'messageCount',
  'standards',
  'finding',
  'culpability',
  'harm',
  'aggravating',
  'mitigating',
]);
const SUBJECT_FIELDS = new Set(['role', 'formerOfficer', 'serviceYears']);
const STAGE_FIELDS = new Set(['stage', 'outcome']);
const CONDUCT_FIELDS = new Set([
  'platform',
  'audience',
  'audienceSize',
  'postedOn',
  'text',
  'categories',
  'targets',
  'offDuty',
  'identifiableAsPolice',
  'participation',
]);
// The field prefixes of the first items, made once rather than per item per record.
const CONDUCT_AT = Array.from({ length: 16 }, (_, index) => `conduct[${index}].`);
const STAGES_AT = Array.from({ length: 8 }, (_, index) => `stages[${index}].`);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_TEXT = 10_000;
export const MAX_SUMMARY = 4_000;
export const MAX_REF = 200;

/**
 * Reads one exchange-format record, naming every problem by field (`conduct[0].platform`), so an
 * importer can report the line and the field. `today` (YYYY-MM-DD, London) refuses future dates.
 */
export function readPrecedentRecord(value: unknown, today: string): RecordReading<PrecedentRecord> {
  const reader = new FieldReader();
  if (!isObject(value))
    return { ok: false, problems: [{ field: '', message: 'a record must be a JSON object' }] };
  reader.unknownFields(value, RECORD_FIELDS, '');
  if (value.formatVersion !== 1) reader.problem('formatVersion', 'must be 1');
  const ref = reader.text(value, 'ref', { required: true, max: MAX_REF });
  const force = reader.text(value, 'force', { required: true, max: 100 });
  if (force !== undefined && !FORCE_CODES.has(force)) {
    reader.problem('force', `"${force}" is not a force code from forces.json`);
  }
  const decidedOn = reader.date(value, 'decidedOn', today, true);
  const forum = reader.oneOf(value, 'forum', FORUMS, true);
  const finding = reader.oneOf(value, 'finding', FINDINGS, true);
  const outcome = reader.oneOf(value, 'outcome', OUTCOMES, true);
  const regime = reader.oneOf(value, 'regime', REGIMES, false);
  const stages = readStages(reader, value.stages);
  const summary = reader.text(value, 'summary', { required: false, max: MAX_SUMMARY });
  const exceptionalCircumstances = reader.text(value, 'exceptionalCircumstances', {
    required: false,
    max: MAX_TEXT,
  });
  const profile = readProfileInto(reader, value, today, { findingRequired: true });
  if (!reader.clean()) return { ok: false, problems: reader.problems };

  const effectiveRegime = regime ?? regimeFor(decidedOn!);
  // Fields in the format's documented order, so an export reads like the page and round-trips byte for byte.
  // Optional fields are assigned in that order when present (an object spread per optional field
  // was a temporary object per field per record on an import).
  const record = {
    formatVersion: 1,
    ref: ref!,
    force: force!,
    decidedOn: decidedOn!,
    forum: forum!,
    subject: profile.subject,
    conduct: profile.conduct,
  } as PrecedentRecord;
  if (profile.messageCount !== undefined) record.messageCount = profile.messageCount;
  record.standards = profile.standards;
  record.finding = finding!;
  record.outcome = outcome!;
  if (profile.culpability) record.culpability = profile.culpability;
  if (profile.harm) record.harm = profile.harm;
  record.aggravating = profile.aggravating;
  record.mitigating = profile.mitigating;
  if (regime) record.regime = regime;
  if (stages) record.stages = stages;
  if (summary !== undefined) record.summary = summary;
  if (exceptionalCircumstances !== undefined) record.exceptionalCircumstances = exceptionalCircumstances;
  for (const problem of outcomeProblems(record, effectiveRegime))
    reader.problem(problem.field, problem.message);
  return reader.clean() ? { ok: true, record } : { ok: false, problems: reader.problems };
}

/** Reads a conduct profile (the comparable fields of a record, outcome not needed). */
export function readConductProfile(value: unknown, today: string): RecordReading<ConductProfile> {
  const reader = new FieldReader();
  if (!isObject(value))
    return { ok: false, problems: [{ field: '', message: 'a profile must be a JSON object' }] };
  reader.unknownFields(value, PROFILE_FIELDS, '');
  const profile = readProfileInto(reader, value, today, { findingRequired: false });
  return reader.clean() ? { ok: true, record: profile } : { ok: false, problems: reader.problems };
}

/** An outcome must have existed under the record's regime and be open to its forum and finding. */
export function outcomeProblems(
  record: Pick<PrecedentRecord, 'outcome' | 'forum' | 'finding' | 'subject'>,
  regime: Regime,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const onlyUnder = OUTCOMES_ONLY_UNDER[record.outcome];
  if (onlyUnder && onlyUnder !== regime) {
    problems.push({
      field: 'outcome',
      message: `${record.outcome} did not exist under ${regime} (only under ${onlyUnder}); check regime or decidedOn`,
    });
  }
  if (record.forum === 'misconduct_meeting' && HEARING_ONLY_OUTCOMES.includes(record.outcome)) {
    problems.push({
      field: 'outcome',
      message: `${record.outcome} is for hearings only, not a misconduct meeting`,
    });
  }
  if (record.finding === 'not_proven' && record.outcome !== 'no_further_action') {
    problems.push({ field: 'outcome', message: 'a not_proven finding allows no_further_action only' });
  }
  if (
    record.finding === 'practice_requiring_improvement' &&
    !['no_further_action', 'reflective_practice'].includes(record.outcome)
  ) {
    problems.push({
      field: 'outcome',
      message: 'practice_requiring_improvement allows no_further_action or reflective_practice only',
    });
  }
  if (record.outcome === 'would_have_been_dismissed' && !record.subject.formerOfficer) {
    problems.push({
      field: 'outcome',
      message: 'would_have_been_dismissed is for former officers: set subject.formerOfficer',
    });
  }
  return problems;
}

function readProfileInto(
  reader: FieldReader,
  value: Record<string, unknown>,
  today: string,
  options: { findingRequired: boolean },
): ConductProfile {
  const subject = readSubject(reader, value.subject);
  const conduct = readConduct(reader, value.conduct, today);
  const messageCount = reader.integer(value, 'messageCount', 1);
  // A record must name the Standards breached; a draft profile may not know them yet.
  const standards = reader.list(value, 'standards', STANDARDS, {
    required: options.findingRequired,
    nonEmpty: options.findingRequired,
  });
  const finding = options.findingRequired ? undefined : reader.oneOf(value, 'finding', FINDINGS, false);
  const culpability = reader.oneOf(value, 'culpability', LEVELS, false);
  const harm = reader.oneOf(value, 'harm', LEVELS, false);
  const aggravating = reader.list(value, 'aggravating', AGGRAVATING_FACTORS, {
    required: false,
    nonEmpty: false,
  });
  const mitigating = reader.list(value, 'mitigating', MITIGATING_FACTORS, {
    required: false,
    nonEmpty: false,
  });
  const profile = { subject, conduct } as ConductProfile;
  if (messageCount !== undefined) profile.messageCount = messageCount;
  profile.standards = standards ?? [];
  if (finding) profile.finding = finding;
  if (culpability) profile.culpability = culpability;
  if (harm) profile.harm = harm;
  profile.aggravating = aggravating ?? [];
  profile.mitigating = mitigating ?? [];
  return profile;
}

function readStages(reader: FieldReader, value: unknown): StageOutcome[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    reader.problem('stages', 'must be a list of {stage, outcome}');
    return undefined;
  }
  const seen = new Set<string>();
  return value.map((item: unknown, index) => {
    const at = index < STAGES_AT.length ? STAGES_AT[index] : `stages[${index}].`;
    if (!isObject(item)) {
      reader.problem(`stages[${index}]`, 'must be an object {stage, outcome}');
      return { stage: 'investigator', outcome: 'no_further_action' };
    }
    reader.unknownFields(item, STAGE_FIELDS, at);
    const stage = reader.oneOf(item, 'stage', STAGES, true, at);
    const outcome = reader.oneOf(item, 'outcome', OUTCOMES, true, at);
    if (stage && seen.has(stage)) reader.problem(`${at}stage`, `${stage} is listed twice`);
    if (stage) seen.add(stage);
    return { stage: stage ?? 'investigator', outcome: outcome ?? 'no_further_action' };
  });
}

function readSubject(reader: FieldReader, value: unknown): ConductProfile['subject'] {
  if (!isObject(value)) {
    reader.problem('subject', 'is required: an object with role');
    return { role: 'constable', formerOfficer: false };
  }
  reader.unknownFields(value, SUBJECT_FIELDS, 'subject.');
  const role = reader.oneOf(value, 'role', SUBJECT_ROLES, true, 'subject.');
  const formerOfficer = reader.boolean(value, 'formerOfficer', 'subject.');
  const serviceYears = reader.number(value, 'serviceYears', 0, 'subject.');
  const subject: ConductProfile['subject'] = {
    role: role ?? 'constable',
    formerOfficer: formerOfficer ?? false,
  };
  if (serviceYears !== undefined) subject.serviceYears = serviceYears;
  return subject;
}

function readConduct(reader: FieldReader, value: unknown, today: string): ConductRecord[] {
  if (!Array.isArray(value) || value.length === 0) {
    reader.problem('conduct', 'is required: a list of 1 or more conduct items');
    return [];
  }
  return value.map((item: unknown, index) => {
    const at = index < CONDUCT_AT.length ? CONDUCT_AT[index] : `conduct[${index}].`;
    if (!isObject(item)) {
      reader.problem(`conduct[${index}]`, 'must be an object');
      return { platform: 'other', audience: 'public', categories: [], targets: [], participation: 'author' };
    }
    reader.unknownFields(item, CONDUCT_FIELDS, at);
    const platform = reader.oneOf(item, 'platform', PLATFORMS, true, at);
    const audience = reader.oneOf(item, 'audience', AUDIENCES, true, at);
    const audienceSize = reader.integer(item, 'audienceSize', 0, at);
    const postedOn = reader.date(item, 'postedOn', today, false, at);
    let text: string | null | undefined;
    if (item.text === null) text = null;
    else text = reader.text(item, 'text', { required: false, max: MAX_TEXT }, at);
    const categories = reader.list(item, 'categories', CATEGORIES, { required: true, nonEmpty: true }, at);
    const targets = reader.list(item, 'targets', TARGETS, { required: false, nonEmpty: false }, at);
    const offDuty = reader.boolean(item, 'offDuty', at);
    const identifiableAsPolice = reader.boolean(item, 'identifiableAsPolice', at);
    const participation = reader.oneOf(item, 'participation', PARTICIPATION, false, at);
    const conduct = { platform: platform ?? 'other', audience: audience ?? 'public' } as ConductRecord;
    if (audienceSize !== undefined) conduct.audienceSize = audienceSize;
    if (postedOn !== undefined) conduct.postedOn = postedOn;
    if (text !== undefined) conduct.text = text;
    conduct.categories = categories ?? [];
    conduct.targets = targets ?? [];
    if (offDuty !== undefined) conduct.offDuty = offDuty;
    if (identifiableAsPolice !== undefined) conduct.identifiableAsPolice = identifiableAsPolice;
    conduct.participation = participation ?? 'author';
    return conduct;
  });
}

/** Collects problems by field while reading a plain JSON value. */
class FieldReader {
  readonly problems: FieldProblem[] = [];

  problem(field: string, message: string): void {
    this.problems.push({ field, message });
  }

  clean(): boolean {
    return this.problems.length === 0;
  }

  unknownFields(value: Record<string, unknown>, known: ReadonlySet<string>, at: string): void {
    for (const key of Object.keys(value)) {
      if (!known.has(key)) this.problem(at + key, 'is not a field of the exchange format');
    }
  }

  text(
    value: Record<string, unknown>,
    key: string,
    options: { required: boolean; max: number },
    at = '',
  ): string | undefined {
    const raw = value[key];
    if (raw === undefined || raw === null) {
      if (options.required) this.problem(at + key, 'is required');
      return undefined;
    }
    if (typeof raw !== 'string') return this.fail(at + key, 'must be a string');
    if (options.required && raw.trim() === '') return this.fail(at + key, 'must not be empty');
    if (raw.length > options.max) return this.fail(at + key, `must be at most ${options.max} characters`);
    return raw;
  }

  date(
    value: Record<string, unknown>,
    key: string,
    today: string,
    required: boolean,
    at = '',
  ): string | undefined {
    const raw = value[key];
    if (raw === undefined || raw === null) {
      if (required) this.problem(at + key, 'is required: a date YYYY-MM-DD');
      return undefined;
    }
    if (typeof raw !== 'string' || !ISO_DATE.test(raw) || !isRealDate(raw)) {
      return this.fail(at + key, 'must be a date YYYY-MM-DD');
    }
    if (raw > today) return this.fail(at + key, `must not be in the future (today is ${today})`);
    return raw;
  }

  oneOf<T extends string>(
    value: Record<string, unknown>,
    key: string,
    allowed: readonly T[],
    required: boolean,
    at = '',
  ): T | undefined {
    const raw = value[key];
    if (raw === undefined || raw === null) {
      if (required) this.problem(at + key, `is required: one of ${allowed.join(', ')}`);
      return undefined;
    }
    if (typeof raw !== 'string' || !allowed.includes(raw as T)) {
      return this.fail(at + key, `${JSON.stringify(raw)} is not one of ${allowed.join(', ')}`);
    }
    return raw as T;
  }

  list<T extends string>(
    value: Record<string, unknown>,
    key: string,
    allowed: readonly T[],
    options: { required: boolean; nonEmpty: boolean },
    at = '',
  ): T[] | undefined {
    const raw = value[key];
    if (raw === undefined || raw === null) {
      if (options.required) this.problem(at + key, `is required: a list of ${allowed.join(', ')}`);
      return undefined;
    }
    if (!Array.isArray(raw)) return this.fail(at + key, `must be a list of ${allowed.join(', ')}`);
    if (options.nonEmpty && raw.length === 0) return this.fail(at + key, 'must list at least one value');
    // Checked, and duplicates looked for, without a list or set per field per record on the way.
    let duplicated = false;
    for (let index = 0; index < raw.length; index++) {
      const item: unknown = raw[index];
      if (typeof item !== 'string' || !allowed.includes(item as T)) {
        const unknown = raw.filter((item) => typeof item !== 'string' || !allowed.includes(item as T));
        return this.fail(
          at + key,
          `${unknown.map((item) => JSON.stringify(item)).join(', ')} not one of ${allowed.join(', ')}`,
        );
      }
      if (!duplicated)
        for (let before = 0; before < index; before++) if (raw[before] === item) duplicated = true;
    }
    return duplicated ? [...new Set(raw as T[])] : (raw.slice() as T[]);
  }

  boolean(value: Record<string, unknown>, key: string, at = ''): boolean | undefined {
    const raw = value[key];
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw !== 'boolean') return this.fail(at + key, 'must be true or false');
    return raw;
  }

  integer(value: Record<string, unknown>, key: string, min: number, at = ''): number | undefined {
    const raw = value[key];
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < min) {
      return this.fail(at + key, `must be a whole number ≥ ${min}`);
    }
    return raw;
  }

  number(value: Record<string, unknown>, key: string, min: number, at = ''): number | undefined {
    const raw = value[key];
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw !== 'number' || !Number.isFinite(raw) || raw < min)
      return this.fail(at + key, `must be a number ≥ ${min}`);
    return raw;
  }

  private fail(field: string, message: string): undefined {
    this.problem(field, message);
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRealDate(iso: string): boolean {
  // An import checks a million records' dates, mostly the same few thousand days: each is worked
  // out once (a Date and its ISO string per record were a visible share of the import's time).
  let real = REAL_DATES.get(iso);
  if (real === undefined) {
    const date = new Date(`${iso}T00:00:00Z`);
    real = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
    if (REAL_DATES.size >= MAX_REMEMBERED_DATES) REAL_DATES.clear();
    REAL_DATES.set(iso, real);
  }
  return real;
}
const REAL_DATES = new Map<string, boolean>();
const MAX_REMEMBERED_DATES = 50_000;
