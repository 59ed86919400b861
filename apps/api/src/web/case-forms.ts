import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';

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
    // one message a field, as the design system asks: the DTO's messages joined
    const texts = Object.values(error.constraints ?? {});
    const own = texts.length ? [{ text: texts.join('; '), href }] : [];
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
  name: { id: 'subject-name', missing: 'Enter the name of the officer or member of staff' },
  staffNumber: { id: 'subject-staffNumber', missing: 'Enter their staff number' },
  role: { id: 'subject-role', missing: 'Choose their role' },
  rank: { id: 'subject-rank' },
  force: { id: 'subject-force', missing: 'Choose their force' },
  serviceStart: { id: 'subject-serviceStart' },
  formerOfficer: { id: 'subject-formerOfficer' },
};

export const ALLEGATION_FIELDS: Record<string, FieldSpec> = {
  subjectId: { id: 'allegation-subjectId', missing: 'Choose who the allegation is about' },
  standards: {
    id: 'allegation-standards',
    missing: 'Choose at least one Standard of Professional Behaviour',
  },
  description: { id: 'allegation-description', missing: 'Describe the allegation (at least 10 characters)' },
};

export const CONDUCT_FIELDS: Record<string, FieldSpec> = {
  platform: { id: 'conduct-platform', missing: 'Choose the platform' },
  audience: { id: 'conduct-audience', missing: 'Choose who could see it' },
  audienceSize: { id: 'conduct-audienceSize' },
  text: { id: 'conduct-text', missing: 'Enter the words at issue' },
  postedAt: { id: 'conduct-postedAt' },
  url: { id: 'conduct-url' },
  categories: { id: 'conduct-categories', missing: 'Choose at least one category' },
  targets: { id: 'conduct-targets' },
  offDuty: { id: 'conduct-offDuty' },
  identifiableAsPolice: { id: 'conduct-identifiableAsPolice' },
  participation: { id: 'conduct-participation' },
  messageCount: { id: 'conduct-messageCount' },
};

export const ASSESSMENT_FIELDS: Record<string, FieldSpec> = {
  severity: { id: 'assessment-severity', missing: 'Choose the severity' },
  rationale: { id: 'assessment-rationale', missing: 'Explain the assessment (at least 10 characters)' },
  version: { id: 'assessment-severity' },
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
    serviceStart: filled(body.serviceStart),
    formerOfficer: yesNo(body.formerOfficer),
  };
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
    postedAt: filled(body.postedAt),
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
  return {
    severity: filled(body.severity),
    rationale: filled(body.rationale),
    version: whole(body.version),
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
