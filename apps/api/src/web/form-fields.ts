import type { AuthenticatedRequest } from '../common/authenticated-request';

/** A urlencoded form as Express parses it: a field sent twice arrives as a list. */
export type Form = Record<string, string | string[] | undefined>;

/** One error for the GOV.UK error summary: the message and the field it links to. */
export interface FormError {
  text: string;
  href: string;
}

export function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export function many(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Each field's error message, by the id its summary entry links to, for the components' errorMessage. */
export function errorsByField(errors: FormError[] | null): Record<string, { text: string }> {
  return Object.fromEntries((errors ?? []).map((e) => [e.href.slice(1), { text: e.text }]));
}

export function principalOf(req: AuthenticatedRequest) {
  if (!req.principal) throw new Error('Administration is for signed-in users only');
  return req.principal;
}

/** A time as people read it in the pages: "2026-11-26 01:05", UTC. */
export function timeText(at: Date | null | undefined): string {
  return at ? at.toISOString().replace('T', ' ').slice(0, 16) : '';
}
