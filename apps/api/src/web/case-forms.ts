import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { postedAtInput } from './cases/posted-at';

/** A form field as the browser posts it: one value, several (checkboxes), or none. */
export type Posted = Record<string, string | string[] | undefined>;

export interface FormProblem {
  text: string;
  href: string;
}

/** Where a field's error points (its element id) and what to say when it was left empty. */
export interface FieldSpec {
  id: string;
  missing?: string;
  /** What to say when the answer is there but refused (too long, not a date, not a choice offered). */
  invalid?: string;
}

export function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export function many(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The field's text, or nothing when only blanks were posted, so an empty box is "missing" to the DTO. */
export function filled(value: string | string[] | undefined): string | undefined {
  const text = one(value);
  return text.trim() ? text.trim() : undefined;
}

/** A whole number as a number; anything else is passed on as typed, so the DTO names the problem. */
export function whole(value: string | string[] | undefined): number | string | undefined {
  const text = filled(value);
  return text === undefined ? undefined : /^-?\d+$/.test(text) ? Number(text) : text;
}

export function yesNo(value: string | string[] | undefined): boolean | undefined {
  const text = one(value);
  return text === 'yes' ? true : text === 'no' ? false : undefined;
}

/**
 * Validates the input with the JSON API's DTO, so the web form and the API refuse the same things.
 * An empty required field gets the form's own words ("Enter…", "Choose…"), anything else the DTO's.
 */
export async function validateForm<T extends object>(
  dto: ClassConstructor<T>,
  input: Record<string, unknown>,
  fields: Record<string, FieldSpec>,
  fallbackId: string,
): Promise<{ value: T; problems: FormProblem[] }> {
  const value = plainToInstance(dto, input);
  const errors = await validate(value, { whitelist: true });
  return { value, problems: problemsOf(errors, input, fields, fallbackId) };
}

function problemsOf(
  errors: ValidationError[],
  input: Record<string, unknown>,
  fields: Record<string, FieldSpec>,
  fallbackId: string,
): FormProblem[] {
  return errors.flatMap((error) => {
    const spec = fields[error.property];
    const href = `#${spec?.id ?? fallbackId}`;
    const given = input[error.property];
    const empty = given === undefined || (Array.isArray(given) && given.length === 0);
    if (empty && spec?.missing) return [{ text: spec.missing, href }];
    // The DTO's own messages are for API clients (they name fields and codes): a person reads the
    // form's sentence for the field, one a field, as the design system asks.
    const own = error.constraints
      ? [{ text: spec?.invalid ?? spec?.missing ?? 'Check this answer and try again', href }]
      : [];
    return [...own, ...problemsOf(error.children ?? [], input, fields, fallbackId)];
  });
}

/** The errors by element id, for each field's own error message. */
export function byField(problems: readonly FormProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const problem of problems) {
    const id = problem.href.slice(1);
    out[id] = out[id] ? `${out[id]}. ${problem.text}` : problem.text;
  }
  return out;
}

export const SUBJECT_FIELDS: Record<string, FieldSpec> = {
  name: {
    id: 'subject-name',
    missing: 'Enter the name of the officer or member of staff',
    invalid: 'Enter the name in 200 characters or fewer',
  },
  staffNumber: {
    id: 'subject-staffNumber',
    missing: 'Enter their staff number',
    invalid: 'Enter the staff number in 50 characters or fewer',
  },
  role: { id: 'subject-role', missing: 'Choose their role', invalid: 'Choose one of the roles listed' },
  rank: { id: 'subject-rank', invalid: 'Enter the rank in 100 characters or fewer' },
  force: { id: 'subject-force', missing: 'Choose their force', invalid: 'Choose one of the forces listed' },
  serviceStart: {
    id: 'subject-serviceStart-day',
    invalid: 'Enter the date they joined the service as a real date in the past',
  },
  formerOfficer: { id: 'subject-formerOfficer', invalid: 'Tick the box only if they have left the service' },
};

export const ALLEGATION_FIELDS: Record<string, FieldSpec> = {
  subjectId: {
    id: 'allegation-subjectId',
    missing: 'Choose who the allegation is about',
    invalid: 'Choose one of the subjects on this case',
  },
  standards: {
    id: 'allegation-standards',
    missing: 'Choose at least one Standard of Professional Behaviour',
    invalid: 'Choose Standards of Professional Behaviour from the list',
  },
  description: {
    id: 'allegation-description',
    missing: 'Describe the allegation (at least 10 characters)',
    invalid: 'Describe the allegation in at least 10 characters',
  },
};

export const CONDUCT_FIELDS: Record<string, FieldSpec> = {
  platform: {
    id: 'conduct-platform',
    missing: 'Choose the platform',
    invalid: 'Choose one of the platforms listed',
  },
  audience: {
    id: 'conduct-audience',
    missing: 'Choose who could see it',
    invalid: 'Choose one of the audiences listed',
  },
  audienceSize: {
    id: 'conduct-audienceSize',
    invalid: 'Enter how many could see it as a whole number, like 40',
  },
  text: {
    id: 'conduct-text',
    missing: 'Enter the words at issue',
    invalid: 'Enter the words at issue, up to 20,000 characters',
  },
  postedAt: {
    id: 'conduct-postedAt-day',
    invalid:
      'Enter when it was posted as a real date in the past, like 3 10 2026, and the time as hours and minutes, like 21:14, if you know it',
  },
  url: { id: 'conduct-url', invalid: 'Enter the link as a full web address, starting with https://' },
  categories: {
    id: 'conduct-categories',
    missing: 'Choose at least one category',
    invalid: 'Choose categories from the list',
  },
  targets: { id: 'conduct-targets', invalid: 'Choose protected characteristics from the list' },
  offDuty: { id: 'conduct-offDuty', invalid: 'Answer yes or no' },
  identifiableAsPolice: { id: 'conduct-identifiableAsPolice', invalid: 'Answer yes or no' },
  participation: { id: 'conduct-participation', invalid: 'Choose what the subject did from the list' },
  messageCount: { id: 'conduct-messageCount', invalid: 'Enter how many messages as a whole number, like 3' },
};

export const ASSESSMENT_FIELDS: Record<string, FieldSpec> = {
  severity: {
    id: 'assessment-severity',
    missing: 'Choose the severity',
    invalid: 'Choose one of the severities listed',
  },
  rationale: {
    id: 'assessment-rationale',
    missing: 'Explain the assessment (at least 10 characters)',
    invalid: 'Explain the assessment in at least 10 characters',
  },
  version: { id: 'assessment-severity', invalid: 'Reload the case and record the assessment again' },
  interference: {
    id: 'assessment-interference',
    missing: 'Say whether a right to expression or to private life is engaged',
    invalid: 'Say whether a right to expression or to private life is engaged',
  },
  prescribedByLaw: {
    id: 'assessment-prescribedByLaw',
    missing: 'Say how the restriction is set out in law',
    invalid: 'Say how the restriction is set out in law',
  },
  legitimateAim: {
    id: 'assessment-legitimateAim',
    missing: 'Name the legitimate aim the step pursues',
    invalid: 'Name the legitimate aim the step pursues',
  },
  necessityAndProportionality: {
    id: 'assessment-necessityAndProportionality',
    missing: 'Explain why the step is necessary and proportionate',
    invalid: 'Explain why the step is necessary and proportionate',
  },
  article10: { id: 'assessment-interference' },
};

/** The promotion form on an archive's page classifies the post chosen; the post gives the rest. */
export const PROMOTE_FIELDS: Record<string, FieldSpec> = {
  audience: { id: 'promote-audience', missing: 'Choose who could see the post' },
  categories: { id: 'promote-categories', missing: 'Choose at least one category for the post' },
  targets: { id: 'promote-targets' },
  participation: { id: 'promote-participation' },
  source: { id: 'posts' },
};

export function subjectInput(body: Posted): Record<string, unknown> {
  return {
    name: filled(body.name),
    staffNumber: filled(body.staffNumber),
    role: filled(body.role),
    rank: filled(body.rank),
    force: filled(body.force),
    serviceStart: dayMonthYear(body, 'serviceStart') ?? filled(body.serviceStart),
    formerOfficer: yesNo(body.formerOfficer),
  };
}

/**
 * A GOV.UK date input's three boxes (`<name>-day`, `-month`, `-year`) as YYYY-MM-DD; what was typed
 * as it was when it is not a date, so the DTO refuses it; undefined when all three are empty.
 */
export function dayMonthYear(body: Posted, name: string): string | undefined {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => one(body[`${name}-${part}`]).trim());
  if (!day && !month && !year) return undefined;
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return `${year}-${month}-${day}`;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

export function allegationInput(body: Posted): Record<string, unknown> {
  return {
    subjectId: filled(body.subjectId),
    standards: many(body.standards),
    description: filled(body.description),
  };
}

export function conductInput(body: Posted): Record<string, unknown> {
  return {
    platform: filled(body.platform),
    audience: filled(body.audience),
    audienceSize: whole(body.audienceSize),
    text: filled(body.text),
    postedAt: postedAtInput(body),
    url: filled(body.url),
    categories: many(body.categories),
    targets: many(body.targets),
    offDuty: yesNo(body.offDuty),
    identifiableAsPolice: yesNo(body.identifiableAsPolice),
    participation: filled(body.participation),
    messageCount: whole(body.messageCount),
  };
}

export function assessmentInput(body: Posted): Record<string, unknown> {
  const balancing = {
    interference: filled(body.interference),
    prescribedByLaw: filled(body.prescribedByLaw),
    legitimateAim: filled(body.legitimateAim),
    necessityAndProportionality: filled(body.necessityAndProportionality),
  };
  // the balancing is sent when any of it was written; the service says when it is required
  const written = Object.values(balancing).some((text) => text !== undefined);
  return {
    severity: filled(body.severity),
    rationale: filled(body.rationale),
    version: whole(body.version),
    ...(written ? { article10: balancing } : {}),
  };
}

export function promoteInput(body: Posted): Record<string, unknown> {
  return {
    source: { archivePostId: filled(body.archivePostId) },
    audience: filled(body.audience),
    categories: many(body.categories),
    targets: many(body.targets),
    participation: filled(body.participation),
  };
}

/** Select or checkbox items for codes, with the posted choice kept when the form comes back. */
export function choices(
  codes: readonly string[],
  chosen: string | string[] | undefined,
  label: (code: string) => string,
  kind: 'checked' | 'selected',
  none?: string,
): { value: string; text: string; checked?: boolean; selected?: boolean }[] {
  const picked = many(chosen);
  return [
    ...(none ? [{ value: '', text: none, [kind]: picked.length === 0 }] : []),
    ...codes.map((code) => ({ value: code, text: label(code), [kind]: picked.includes(code) })),
  ];
}
