import {
  AUDIENCES,
  CATEGORIES,
  FINDINGS,
  FORUMS,
  PARTICIPATION,
  PLATFORMS,
  REGIMES,
  STANDARDS,
  SUBJECT_ROLES,
  TARGETS,
} from '@precedent/exchange';
import { CASE_STATUSES, INTAKE_SOURCES, IOPC_CRITERIA } from '@precedent/cases';
import { ROLES } from '@precedent/identity';

/** Every code the system uses for a choice: none may reach a person's eyes as it is. */
const CODES = new Set<string>(
  [
    ...PLATFORMS,
    ...AUDIENCES,
    ...CATEGORIES,
    ...TARGETS,
    ...PARTICIPATION,
    ...STANDARDS,
    ...SUBJECT_ROLES,
    ...FORUMS,
    ...FINDINGS,
    ...REGIMES,
    ...CASE_STATUSES,
    ...INTAKE_SOURCES,
    ...IOPC_CRITERIA,
    ...ROLES,
  ]
    // a one-word code ("public", "race", "other") is also an English word: only codes that no
    // sentence would spell (an underscore, a digit) are told apart here
    .filter((code) => /[_\d]/.test(code)),
);

const BRANDS = new Set(['WhatsApp', 'TikTok', 'YouTube', 'LinkedIn']);

/**
 * The words of a message that are not plain English: identifiers in camelCase or snake_case, the
 * system's codes, and references to its documents ("domain.md §4.2", "(rule: …)").
 */
export function codeWords(message: string): string[] {
  const found = new Set<string>();
  for (const token of message.match(/[A-Za-z0-9_.§]+/g) ?? []) {
    const bare = token.replace(/^[.]+|[.]+$/g, '');
    if (/^[a-z]+[A-Z][A-Za-z]*$/.test(bare)) found.add(bare); // camelCase: receivedAt, subjectId
    // PascalCase made of words (SeenAt), but not the names platforms give themselves
    if (/^[A-Z][a-z]+[A-Z][A-Za-z]*$/.test(bare) && !BRANDS.has(bare)) found.add(bare);
    if (/^[a-z0-9]+(?:_[a-z0-9]+)+$/.test(bare)) found.add(bare); // snake_case: line_manager
    if (CODES.has(bare)) found.add(bare);
    if (/\.md$/.test(bare) || bare.includes('§')) found.add(bare);
  }
  if (/\(rule:/.test(message)) found.add('(rule:');
  return [...found];
}
