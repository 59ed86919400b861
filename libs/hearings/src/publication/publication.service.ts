import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThanOrEqual } from 'typeorm';
import { AuditService, systemContext } from '@precedent/audit';
import { CaseContentsService, CasesService } from '@precedent/cases';
import { auditContextOf, hasRole, type Principal } from '@precedent/identity';
import { Clock, InvalidInputError, NotFoundError, WorkingDayCalendar } from '@precedent/platform';
import { HearingPeriods } from '../config/hearing-periods';
import { HearingStateError } from '../hearing.errors';
import { Hearing } from '../hearings/hearing.entity';
import { OUTCOME_LABELS } from '../outcomes/outcome';
import { OutcomeRecord } from '../outcomes/outcome-record.entity';
import { HearingSeat } from '../panels/hearing-seat.entity';
import { PanelMember } from '../panels/panel-member.entity';
import { PublicationDecision } from './publication-decision.entity';
import {
  forumWords,
  publicationProblems,
  publicationWindow,
  withheldItems,
  type PublicationChoice,
} from './publication.rules';
import { PublishedNotice } from './published-notice.entity';

export interface PublicationDecisionInput extends PublicationChoice {
  subjectId: string;
}

/**
 * The chair's publication decisions for public hearings, and the public entries they produce. Only
 * the words decided on are copied to `published_notices`, which is all the public app reads.
 */
@Injectable()
export class PublicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly contents: CaseContentsService,
    private readonly audit: AuditService,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    private readonly periods: HearingPeriods,
  ) {}

  /**
   * Records a decision by the chair (a panel member in the chair's seat) or the appropriate authority
   * recording it for them. A later decision for the same stage replaces the earlier public entry.
   */
  async decide(
    hearingId: string,
    input: PublicationDecisionInput,
    by: Principal,
    requestId: string,
  ): Promise<{ decision: PublicationDecision; published: PublishedNotice | null }> {
    const today = this.clock.today();
    return this.dataSource.transaction(async (em) => {
      const hearing = await em.getRepository(Hearing).findOne({ where: { id: hearingId } });
      if (!hearing) throw new NotFoundError('hearing', hearingId);
      const kase = await this.cases.openableIn(em, hearing.caseId, by, true);
      if (!hasRole(by, 'appropriate_authority') && !(await this.chairs(em, hearing.id, by.userId))) {
        throw new NotFoundError('hearing', hearingId);
      }
      if (!hearing.inPublic) {
        throw new HearingStateError(
          'A misconduct meeting is held in private (reg 39(2)): nothing of it is published.',
        );
      }
      if (!hearing.scheduledOn || (hearing.status !== 'fixed' && hearing.status !== 'concluded')) {
        throw new HearingStateError('Publication is decided once the date of the hearing is fixed.');
      }
      const { subjects } = await this.contents.contentsIn(em, hearing.caseId);
      const subject = subjects.find((s) => s.id === input.subjectId);
      if (!subject) throw new NotFoundError('subject on this case', input.subjectId);
      const outcome =
        input.stage === 'outcome'
          ? await em
              .getRepository(OutcomeRecord)
              .findOne({ where: { caseId: kase.id, subjectId: subject.id } })
          : null;
      if (input.stage === 'outcome' && !outcome) {
        throw new HearingStateError('An outcome report is published once the outcome is recorded.');
      }
      if (input.stage === 'notice' && hearing.scheduledOn < today) {
        throw new HearingStateError(
          'The hearing has been held: publish its outcome report instead of a notice.',
        );
      }
      const problems = publicationProblems(input, {
        officerName: subject.name,
        staffNumber: subject.staffNumber,
        caseReference: kase.reference,
        reporterName: kase.reporterName,
        reporterContact: kase.reporterContact,
      });
      if (problems.length)
        throw new InvalidInputError('publication_wording', problems[0].message, { problems });

      const previous = await em.getRepository(PublicationDecision).find({
        where: { hearingId, subjectId: subject.id, stage: input.stage },
      });
      const replaced = previous.map((p) => p.publishedNoticeId).filter((id): id is string => id !== null);
      for (const id of replaced) {
        await em
          .getRepository(PublishedNotice)
          .update(
            { id, withdrawnAt: IsNull() },
            { withdrawnAt: this.clock.now(), withdrawnReason: 'replaced' },
          );
      }

      let published: PublishedNotice | null = null;
      if (input.publish) {
        const window = publicationWindow(
          input.stage,
          today,
          hearing.scheduledOn,
          this.calendar,
          this.periods.timeLimits,
        );
        published = await em.getRepository(PublishedNotice).save(
          em.getRepository(PublishedNotice).create({
            kind: input.stage === 'notice' ? 'hearing_notice' : 'outcome_report',
            forum: forumWords(hearing.forum),
            officerName: input.showOfficerName ? subject.name : null,
            officerRank: input.showRank ? (subject.rank ?? subject.role.replace(/_/g, ' ')) : null,
            hearingOn: hearing.scheduledOn,
            startsAt: hearing.startsAt,
            place: hearing.venue ?? (hearing.remoteLink ? 'Held remotely' : null),
            conduct: input.conduct!.trim(),
            outcome: outcome ? OUTCOME_LABELS[outcome.outcome] : null,
            outcomeSummary: input.stage === 'outcome' ? input.outcomeSummary!.trim() : null,
            ...window,
            withdrawnAt: null,
            withdrawnReason: null,
          }),
        );
      }
      const decision = await em.getRepository(PublicationDecision).save(
        em.getRepository(PublicationDecision).create({
          hearingId,
          caseId: kase.id,
          subjectId: subject.id,
          stage: input.stage,
          publish: input.publish,
          withheld: withheldItems(input),
          withheldOther: input.withheldOther?.trim() || null,
          reasons: input.reasons?.trim() || null,
          decidedBy: by.userId,
          publishedNoticeId: published?.id ?? null,
        }),
      );
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'hearing.publication.decide',
        entityType: 'case',
        entityId: kase.id,
        details: {
          hearingId,
          decisionId: decision.id,
          subjectId: subject.id,
          stage: input.stage,
          publish: input.publish,
          withheld: decision.withheld,
          replaced,
          ...(published
            ? {
                publishedNoticeId: published.id,
                publishFrom: published.publishFrom,
                removeOn: published.removeOn,
              }
            : {}),
        },
      });
      return { decision, published };
    });
  }

  /** A hearing's decisions, newest first, for the staff who may open its case. */
  async forHearing(hearingId: string, by: Principal, requestId: string): Promise<PublicationDecision[]> {
    return (await this.overview(hearingId, by, requestId)).decisions;
  }

  /** What the publication page shows: the hearing, its officers, and its decisions, newest first. */
  async overview(
    hearingId: string,
    by: Principal,
    requestId: string,
  ): Promise<{
    hearing: Hearing;
    reference: string;
    subjects: { id: string; name: string }[];
    decisions: PublicationDecision[];
  }> {
    const found = await this.dataSource.getRepository(Hearing).findOne({ where: { id: hearingId } });
    if (!found) throw new NotFoundError('hearing', hearingId);
    // access-checked, and the read of the case audited, as every read of a case by a person is
    await this.cases.open(found.caseId, by, requestId);
    return this.dataSource.transaction(async (em) => {
      const hearing = await em.getRepository(Hearing).findOneOrFail({ where: { id: hearingId } });
      const kase = await this.cases.openableIn(em, hearing.caseId, by);
      const { subjects } = await this.contents.contentsIn(em, hearing.caseId);
      const decisions = await em
        .getRepository(PublicationDecision)
        .find({ where: { hearingId }, order: { decidedAt: 'DESC' } });
      return {
        hearing,
        reference: kase.reference,
        subjects: subjects.map((s) => ({ id: s.id, name: s.name })),
        decisions,
      };
    });
  }

  /**
   * Takes down every entry whose period has ended: the public app already hides them by date, and
   * this marks them withdrawn so the record says when. Kept, never deleted. Idempotent.
   */
  async withdrawEnded(jobId: string | null): Promise<number> {
    const today = this.clock.today();
    return this.dataSource.transaction(async (em) => {
      const ended = await em.getRepository(PublishedNotice).find({
        select: { id: true },
        where: { withdrawnAt: IsNull(), removeOn: LessThanOrEqual(today) },
      });
      if (!ended.length) return 0;
      const ids = ended.map((e) => e.id);
      await em
        .getRepository(PublishedNotice)
        .createQueryBuilder()
        .update()
        .set({ withdrawnAt: this.clock.now(), withdrawnReason: 'period_ended' })
        .whereInIds(ids)
        .execute();
      await this.audit.record(em, systemContext('publication', jobId), {
        action: 'publication.withdraw_ended',
        entityType: 'published_notice',
        entityId: null,
        details: { publishedNoticeIds: ids, today },
      });
      return ids.length;
    });
  }

  /** Does this user sit in the chair of this hearing's panel? */
  private chairs(em: EntityManager, hearingId: string, userId: string): Promise<boolean> {
    return em
      .getRepository(HearingSeat)
      .createQueryBuilder('s')
      .innerJoin(PanelMember, 'm', 'm.id = s.panel_member_id')
      .where('s.hearing_id = :hearingId AND m.user_id = :userId', { hearingId, userId })
      .andWhere("s.role IN ('chair', 'legally_qualified_chair')")
      .getExists();
  }
}
