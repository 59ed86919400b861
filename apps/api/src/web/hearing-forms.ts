import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate } from 'class-validator';
import {
  PanelCompositionError,
  PanelConflictError,
  UnlawfulDateError,
  type PanelConflict,
} from '@precedent/hearings';
import { DomainError } from '@precedent/platform';

export type Form = Record<string, string | string[] | undefined>;
export type FieldError = { text: string; href: string };

export function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export function many(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The form's text fields, trimmed, with empty ones left out (the API's optional fields are absent, not ""). */
export function filled(form: Form, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.flatMap((name) => {
      const value = one(form[name]).trim();
      return value ? [[name, value]] : [];
    }),
  );
}

/**
 * Checks a form against the API's DTO, so the web and the API share one set of rules, and says what
 * is wrong in words for people: one error per field, linked to it.
 */
export async function checkAgainst<T extends object>(
  dto: ClassConstructor<T>,
  input: Record<string, unknown>,
  messages: Record<string, string>,
  ids: Record<string, string> = {},
): Promise<{ value: T; errors: FieldError[] }> {
  const value = plainToInstance(dto, input);
  const problems = await validate(value, { whitelist: true });
  return {
    value,
    errors: problems.map((problem) => ({
      text: messages[problem.property] ?? Object.values(problem.constraints ?? {}).join('; '),
      href: `#${ids[problem.property] ?? problem.property}`,
    })),
  };
}

/**
 * The service's refusal in the error summary: an unlawful date with its rule and the earliest lawful
 * date, each composition problem and each conflict with its rule. `null` when it is not a refusal.
 */
export function refusalErrors(
  error: unknown,
  href: string,
  fieldIds: Record<string, string> = {},
): FieldError[] | null {
  if (error instanceof UnlawfulDateError) {
    // the message says what the rule asks; its internal name is for the API and the logs
    return [{ text: error.message, href }];
  }
  if (error instanceof PanelCompositionError) {
    const problems = (error.details?.problems ?? [error.message]) as string[];
    return problems.map((text) => ({ text, href }));
  }
  if (error instanceof PanelConflictError) {
    const conflicts = (error.details?.conflicts ?? []) as PanelConflict[];
    return conflicts.map((c) => ({ text: c.message, href }));
  }
  if (error instanceof DomainError && (error.kind === 'invalid' || error.kind === 'conflict')) {
    // the message says what to do; the first field it names is where the summary links
    const fields = (error.details?.fields ?? []) as { field: string }[];
    const id = fields.map((f) => fieldIds[f.field]).find(Boolean);
    return [{ text: error.message, href: id ? `#${id}` : href }];
  }
  return null;
}

/** Each field's error message for the GOV.UK components: a field refused for several reasons shows them all. */
export function errorsByField(errors: readonly FieldError[]): Record<string, { text: string }> {
  const byField: Record<string, { text: string }> = {};
  for (const error of errors) {
    const id = error.href.slice(1);
    byField[id] = { text: byField[id] ? `${byField[id].text} ${error.text}` : error.text };
  }
  return byField;
}
