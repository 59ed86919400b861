import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The parts of an event that its hash covers, in a fixed order. */
export interface ChainedContent {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  result: string;
  details: string | null;
}

/** sha256 over the previous hash and this event's content. An array keeps the field order fixed. */
export function eventHash(prevHash: string, e: ChainedContent): string {
  const content = JSON.stringify([
    prevHash,
    e.id,
    e.occurredAt.toISOString(),
    e.actorId,
    e.actorName,
    e.action,
    e.entityType,
    e.entityId,
    e.requestId,
    e.result,
    e.details,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

export type ChainBreak = { id: string; reason: string };

/**
 * Checks one event against the hash of the event before it. Returns why the link is broken, or
 * null when it holds.
 */
export function checkLink(
  expectedPrev: string,
  e: ChainedContent & { prevHash: string; hash: string },
): string | null {
  if (e.prevHash !== expectedPrev) {
    return 'its previous-hash does not match the event before it (an event was removed, inserted or reordered)';
  }
  if (eventHash(e.prevHash, e) !== e.hash) {
    return 'its content does not match its hash (the event was altered)';
  }
  return null;
}
