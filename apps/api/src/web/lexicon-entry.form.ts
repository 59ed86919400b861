import { CATEGORIES, TARGETS, type Category, type Target } from '@precedent/exchange';
import type { LexiconEntryInput } from '@precedent/analytics';
import { one, type Form, type FormError } from './form-fields';

/**
 * Reads the lexicon form: the same limits as the JSON API's DTO (term 2–200 characters, a known
 * category, a known target or none, a note up to 1,000 characters), with messages for the page.
 */
export function readLexiconEntryForm(
  body: Form,
): { ok: true; entry: Required<LexiconEntryInput> } | { ok: false; errors: FormError[] } {
  const term = one(body.term).trim();
  const category = one(body.category);
  const target = one(body.target);
  const note = one(body.note).trim();
  const errors: FormError[] = [];
  if (term.length < 2 || term.length > 200)
    errors.push({ text: 'Enter the term or phrase, from 2 to 200 characters', href: '#term' });
  if (!CATEGORIES.includes(category as Category))
    errors.push({ text: 'Choose the category the term suggests', href: '#category' });
  if (target !== '' && !TARGETS.includes(target as Target))
    errors.push({ text: 'Choose a protected characteristic from the list, or none', href: '#target' });
  if (note.length > 1000) errors.push({ text: 'Keep the note to 1,000 characters or fewer', href: '#note' });
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    entry: { term, category: category as Category, target: (target || null) as Target | null, note },
  };
}
