import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { CasesService } from '@precedent/cases';
import { auditContextOf, type Principal } from '@precedent/identity';
import { Clock, InvalidInputError, NotFoundError } from '@precedent/platform';
import { HearingStateError } from '../hearing.errors';
import { OutcomeRecord } from './outcome-record.entity';

/** The College of Policing's barred and advisory lists: the referral each outcome needs, recorded. */
@Injectable()
export class ListReferralsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Records the referral of a dismissal, a "would have been dismissed" finding, or someone who left
   * under investigation, to the College of Policing's barred or advisory list: what was sent, when,
   * by whom. Only the appropriate authority makes it; only once.
   */
  async recordListReferral(
    caseId: string,
    input: { subjectId: string; sent: string; sentOn?: string },
    by: Principal,
    requestId: string,
  ): Promise<OutcomeRecord> {
    const today = this.clock.today();
    const sentOn = input.sentOn ?? today;
    if (sentOn > today) {
      throw new InvalidInputError('future_date', 'The referral cannot be dated in the future.', {
        fields: [{ field: 'sentOn', message: 'must be today or earlier' }],
      });
    }
    return this.dataSource.transaction(async (em) => {
      await this.cases.openableIn(em, caseId, by, true);
      const record = await em
        .getRepository(OutcomeRecord)
        .findOne({ where: { caseId, subjectId: input.subjectId } });
      if (!record) throw new NotFoundError('outcome for that subject', input.subjectId);
      if (!record.barredListReferral && !record.advisoryListReferral) {
        throw new HearingStateError(
          'This outcome does not go to the barred or advisory list: nothing needs sending to the College of Policing.',
        );
      }
      if (record.listReferralSentOn) {
        throw new HearingStateError(
          `The referral was already recorded as sent on ${record.listReferralSentOn}.`,
        );
      }
      if (sentOn < record.decidedOn) {
        throw new InvalidInputError('bad_dates', 'The referral cannot be before the decision.', {
          fields: [{ field: 'sentOn', message: `cannot be before ${record.decidedOn}` }],
        });
      }
      const list = record.barredListReferral ? 'barred list' : 'advisory list';
      record.listReferralSentOn = sentOn;
      record.listReferralSentBy = by.userId;
      record.listReferralSent = input.sent;
      await em.save(record);
      await this.cases.addEvent(em, caseId, {
        kind: 'list_referral_sent',
        actorId: by.userId,
        reason: `Referral to the College of Policing for the ${list} sent on ${sentOn}: ${input.sent}`,
      });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'case.outcome.list_referral',
        entityType: 'case',
        entityId: caseId,
        details: {
          outcomeRecordId: record.id,
          list: record.barredListReferral ? 'barred' : 'advisory',
          sentOn,
        },
      });
      return record;
    });
  }
}
