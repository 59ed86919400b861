import type { EntityManager } from 'typeorm';
import { canOpenCase, type Principal } from '@precedent/identity';
import { NotFoundError } from '@precedent/platform';
import { Case } from './case.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The case, when this person may open it under the access policy; otherwise "not found", so a
 * case that is not yours is indistinguishable from one that does not exist. `lock` takes a row lock
 * for a change in the caller's transaction.
 */
export async function findOpenableCase(
  em: EntityManager,
  id: string,
  by: Principal,
  lock = false,
): Promise<Case> {
  const query = em.getRepository(Case).createQueryBuilder('c').where('c.id = :id', { id });
  if (lock) query.setLock('pessimistic_write');
  const kase = UUID.test(id) ? await query.getOne() : null;
  const openable =
    kase !== null &&
    canOpenCase(by, {
      assignedInvestigatorId: kase.assignedInvestigatorId,
      team: kase.team,
      // panels and explicit grants arrive with the hearings issue
      panelMemberIds: [],
      grantedUserIds: [],
      restricted: kase.restricted,
    });
  if (!openable) throw new NotFoundError('case', id);
  return kase;
}
