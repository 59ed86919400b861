import { one, type Posted } from '../case-forms';

/** The three boxes of a GOV.UK date input, as the form posts them: `<name>-day`, `-month`, `-year`. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export function dateParts(body: Posted, name: string): DateParts {
  return {
    day: one(body[`${name}-day`]).trim(),
    month: one(body[`${name}-month`]).trim(),
    year: one(body[`${name}-year`]).trim(),
  };
}

/**
 * The date as the API takes it (YYYY-MM-DD), or what is wrong with it in words: `label` names the
 * date in the sentence ("the date received"). Empty boxes give `missing`; the caller says whether
 * that is a problem.
 */
export function isoDate(
  parts: DateParts,
  label: string,
): { iso: string } | { missing: true } | { problem: string } {
  const { day, month, year } = parts;
  if (!day && !month && !year) return { missing: true };
  const absent = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean) as string[];
  if (absent.length) return { problem: `${capital(label)} must include a ${absent.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year))
    return { problem: `${capital(label)} must be a real date, like 3 12 2026` };
  const at = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (
    at.getUTCFullYear() !== Number(year) ||
    at.getUTCMonth() !== Number(month) - 1 ||
    at.getUTCDate() !== Number(day)
  )
    return { problem: `${capital(label)} must be a real date, like 3 12 2026` };
  return { iso: at.toISOString().slice(0, 10) };
}

/**
 * The three boxes for the GOV.UK date input macro (with `namePrefix` and `id` the field's name, so
 * they post as `<name>-day` and the first box's id is `<name>-day`), keeping what was typed.
 */
export function dateItems(parts: DateParts | undefined, wrong: boolean) {
  const error = wrong ? ' govuk-input--error' : '';
  return [
    { name: 'day', label: 'Day', classes: `govuk-input--width-2${error}`, value: parts?.day ?? '' },
    { name: 'month', label: 'Month', classes: `govuk-input--width-2${error}`, value: parts?.month ?? '' },
    { name: 'year', label: 'Year', classes: `govuk-input--width-4${error}`, value: parts?.year ?? '' },
  ];
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
