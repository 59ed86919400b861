import type { EntityManager } from 'typeorm';
import { canOpenCase, type Principal } from '@precedent/identity';
import { NotFoundError } from '@precedent/platform';
import { Case } from './case.entity';
import { GRANT_IN_FORCE_SQL } from '../access/grant-in-force';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The case, when this person may open it under the access policy; otherwise "not found", so a
 * case that is not yours is indistinguishable from one that does not exist. `lock` takes a row lock
 * for a change in the caller's transaction. `today` is the application's day (`Clock.today()`), on
 * which grants are in force or expired: never the process's own clock, which a test clock or clock
 * skew can put on another day than the rest of the application.
 */
export async function findOpenableCase(
  em: EntityManager,
  id: string,
  by: Principal,
  lock: boolean,
  today: string,
): Promise<Case> {
  const query = em.getRepository(Case).createQueryBuilder('c').where('c.id = :id', { id });
  if (lock) query.setLock('pessimistic_write');
  const kase = UUID.test(id) ? await query.getOne() : null;
  const openable =
    kase !== null &&
    canOpenCase(by, {
      assignedInvestigatorId: kase.assignedInvestigatorId,
      team: kase.team,
      panelMemberIds: by.roles.includes('panel_member') ? await panelUserIds(em, kase.id) : [],
      grantedUserIds: await grantedUserIds(em, kase.id, today),
      restricted: kase.restricted,
    });
  if (!openable) throw new NotFoundError('case', id);
  return kase;
}

/** Users holding a grant of this case that is in force today (revoked and expired ones are not). */
export async function grantedUserIds(em: EntityManager, caseId: string, today: string): Promise<string[]> {
  const rows: { user_id: string }[] = await em.query(
    `SELECT DISTINCT user_id FROM case_grants WHERE case_id = $1 AND ${GRANT_IN_FORCE_SQL('case_grants', '$2')}`,
    [caseId, today],
  );
  return rows.map((row) => row.user_id);
}

/**
 * Users sitting on a panel of this case's meetings or hearings. Read in SQL from the hearings lib's
 * tables, because the hearings lib builds on this one and not the other way round.
 */
export async function panelUserIds(em: EntityManager, caseId: string): Promise<string[]> {
  const rows: { user_id: string }[] = await em.query(
    `SELECT m.user_id FROM hearing_seats s JOIN hearings h ON h.id = s.hearing_id
       JOIN panel_members m ON m.id = s.panel_member_id
      WHERE h.case_id = $1 AND m.user_id IS NOT NULL`,
    [caseId],
  );
  return rows.map((row) => row.user_id);
}
