import type { PrecedentRecord } from '@precedent/exchange';

/** At most this many characters of what was said: enough to recognise the conduct, not a transcript. */
export const SAID_LENGTH = 400;

/**
 * What was said in a precedent, as the record holds it: its comments' text, or its summary when no
 * text was shared. Records are stored as the exchange format exports them (internal precedents'
 * names and identifiers already replaced by "[redacted]"), so nothing further is taken out here.
 */
export function whatWasSaid(record: Pick<PrecedentRecord, 'conduct' | 'summary'>): string | null {
  const texts = record.conduct.map((item) => item.text?.trim()).filter((text): text is string => !!text);
  const said = texts.length > 0 ? texts.map((text) => `“${text}”`).join(' ') : (record.summary?.trim() ?? '');
  if (said === '') return null;
  return said.length <= SAID_LENGTH ? said : `${said.slice(0, SAID_LENGTH - 1).trimEnd()}…`;
}
