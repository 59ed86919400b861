import { isISO8601 } from 'class-validator';
import { one, type Form, type FormError } from './form-fields';

/** The grant form: who, why and until which day (the GOV.UK date input), in plain words. */
export interface GrantForm {
  userId: string;
  reason: string;
  until: string;
}

export function grantFormErrors(body: Form): { value: GrantForm; errors: FormError[] } {
  const errors: FormError[] = [];
  const userId = one(body.userId).trim();
  const reason = one(body.reason).trim();
  const [day, month, year] = ['until-day', 'until-month', 'until-year'].map((f) => one(body[f]).trim());
  if (!userId) errors.push({ text: 'Choose who may open the case', href: '#userId' });
  if (reason.length < 5) errors.push({ text: 'Say why they need the case', href: '#reason' });
  const until =
    /^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year)
      ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
      : '';
  if (!until || !isISO8601(until, { strict: true }))
    errors.push({
      text: 'Enter the last day of access as a real date, for example 31 3 2027',
      href: '#until',
    });
  return { value: { userId, reason, until }, errors };
}

export function revokeFormErrors(body: Form, grantId: string): { reason: string; errors: FormError[] } {
  const reason = one(body.reason).trim();
  return {
    reason,
    errors: reason.length < 5 ? [{ text: 'Say why the access ends', href: `#revoke-${grantId}` }] : [],
  };
}
