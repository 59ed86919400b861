import type { FieldProblem } from '@precedent/platform';

export type ReportField = 'summary' | 'details' | 'platform' | 'seenAt' | 'links' | 'attachment';

/** The report form's fields in page order, as the error summary lists them. */
export const REPORT_FIELDS: readonly ReportField[] = [
  'summary',
  'details',
  'platform',
  'seenAt',
  'links',
  'attachment',
];

/**
 * The report form's messages, one plain sentence a field, whatever rule of the API's DTO refused it:
 * the reporter reads what to do, never a field name or a rule. `values` tells an empty field from a
 * too-long one and a future date from one that is not a date.
 */
export function reportFormErrors(
  problems: readonly FieldProblem[],
  values: Record<string, string>,
  today: string,
): Partial<Record<ReportField, string>> {
  const errors: Partial<Record<ReportField, string>> = {};
  for (const field of new Set(problems.map((p) => p.field.split('.')[0]))) {
    const value = (values[field] ?? '').trim();
    switch (field) {
      case 'summary':
        errors.summary = value
          ? 'Keep the line about what happened to 300 characters or fewer.'
          : 'Say in a line what happened.';
        break;
      case 'details':
        errors.details = value
          ? 'What you saw must be 20,000 characters or fewer: shorten it, or send the rest as a message after you sign in.'
          : 'Say what you saw.';
        break;
      case 'platform':
        errors.platform = 'Choose the platform from the list, or leave it as it is.';
        break;
      case 'seenAt':
        errors.seenAt =
          /^\d{4}-\d{2}-\d{2}$/.test(value) && value > today
            ? 'The date you saw it must be today or earlier.'
            : 'Enter the date you saw it as year, month and day, for example 2026-11-18, or leave it empty.';
        break;
      case 'links':
        errors.links =
          'Each link must be a web address starting with http:// or https://, one a line, and at most 20 of them.';
        break;
    }
  }
  return errors;
}

/** What the reporter is told when a form was refused after they chose a file: files are never kept. */
export const REATTACH =
  'Your screenshot was not kept because of the problems above. Choose it again before you send the report.';
