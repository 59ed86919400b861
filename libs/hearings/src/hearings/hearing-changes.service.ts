import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { CasesService, type Case } from '@precedent/cases';
import { auditContextOf, type Principal } from '@precedent/identity';
import { NotFoundError } from '@precedent/platform';
import { HearingStateError, TimeLimitError } from '../hearing.errors';
import { HearingSeat } from '../panels/hearing-seat.entity';
import type { PanelMember } from '../panels/panel-member.entity';
import type { LimitAnswer } from '../scheduling/time-limit.rules';
import { HearingDateChange } from './hearing-date-change.entity';
import { Hearing } from './hearing.entity';
import { stepRefusal, type HearingStep } from './hearing-steps.rules';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SeatWithMember = HearingSeat & { panelMember: PanelMember };

/** What a change did, for the audit event. */
export type ChangeMade = { action: string; details: Record<string, unknown> };

/**
 * The one way a hearing is loaded and changed, shared by the dates, pre-hearing and panel services:
 * who may see it, the locks, the date history, and the audit event in the same transaction.
 */
@Injectable()
export class HearingChanges {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
  ) {}

  /** Load both under locks (case first, as every case change does), apply, save, audit: one transaction. */
  async change(
    id: string,
    by: Principal,
    apply: (em: EntityManager, hearing: Hearing, kase: Case) => Promise<ChangeMade>,
    requestId: string,
  ): Promise<Hearing> {
    return this.dataSource.transaction(async (em) => {
      const found = UUID.test(id) ? await em.getRepository(Hearing).findOne({ where: { id } }) : null;
      if (!found) throw new NotFoundError('hearing', id);
      const kase = await this.cases.openableIn(em, found.caseId, by, true).catch(() => {
        throw new NotFoundError('hearing', id);
      });
      const hearing = await em
        .getRepository(Hearing)
        .createQueryBuilder('h')
        .where('h.id = :id', { id })
        .setLock('pessimistic_write')
        .getOneOrFail();
      const { action, details } = await apply(em, hearing, kase);
      const saved = await em.save(hearing);
      await this.audit.record(em, auditContextOf(by, requestId), {
        action,
        entityType: 'hearing',
        entityId: hearing.id,
        details: { caseId: hearing.caseId, ...details },
      });
      return saved;
    });
  }

  /** The hearing, if the person may open its case (else "not found"). */
  async openable(em: EntityManager, id: string, by: Principal): Promise<Hearing> {
    const hearing = UUID.test(id) ? await em.getRepository(Hearing).findOne({ where: { id } }) : null;
    if (!hearing) throw new NotFoundError('hearing', id);
    // a hearing of a case this person may not open is, for them, a hearing that does not exist
    await this.cases.openableIn(em, hearing.caseId, by).catch(() => {
      throw new NotFoundError('hearing', id);
    });
    return hearing;
  }

  async seatsOf(em: EntityManager, hearingId: string): Promise<SeatWithMember[]> {
    return (await em.getRepository(HearingSeat).find({
      where: { hearingId },
      relations: { panelMember: true },
      order: { createdAt: 'ASC' },
    })) as SeatWithMember[];
  }

  /** A line in the hearing's date history: where and when it stands after the change. */
  async history(
    em: EntityManager,
    hearing: Hearing,
    kind: 'proposed' | 'fixed' | 'adjourned',
    by: Principal,
    reason: string | null,
  ): Promise<void> {
    await em.insert(HearingDateChange, {
      hearingId: hearing.id,
      kind,
      date: hearing.scheduledOn,
      startsAt: hearing.startsAt,
      venue: hearing.venue,
      remoteLink: hearing.remoteLink,
      reason,
      actorId: by.userId,
    });
  }
}

/** Refuses a step the hearing's state does not allow, saying why. */
export function refuseStep(step: HearingStep, hearing: Hearing): void {
  const refusal = stepRefusal(step, hearing);
  if (refusal) throw new HearingStateError(refusal);
}

export function refuseUnlawful(answer: LimitAnswer): asserts answer is LimitAnswer & { lawful: true } {
  if (!answer.lawful) {
    throw new TimeLimitError(answer.rule, answer.message, answer.latestLawfulDate, answer.earliestLawfulDate);
  }
}
