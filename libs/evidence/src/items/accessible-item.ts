import type { EntityManager } from 'typeorm';
import { findOpenableCase } from '@precedent/cases';
import type { Principal } from '@precedent/identity';
import { NotFoundError } from '@precedent/platform';
import { EvidenceItem } from './evidence-item.entity';
import { EvidenceNotFoundError } from './evidence.errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The item, when its case is one this person may open on `today` (the application's day, `Clock.today()`);
 * otherwise "not found", as if it did not exist.
 */
export async function findAccessibleItem(
  em: EntityManager,
  id: string,
  by: Principal,
  today: string,
): Promise<EvidenceItem> {
  const item = UUID.test(id) ? await em.findOneBy(EvidenceItem, { id }) : null;
  if (!item) throw new EvidenceNotFoundError(id);
  try {
    await findOpenableCase(em, item.caseId, by, false, today);
  } catch (error) {
    if (error instanceof NotFoundError) throw new EvidenceNotFoundError(id);
    throw error;
  }
  return item;
}
