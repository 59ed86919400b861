import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ComparablesService } from '@precedent/analytics';
import { AuditService } from '@precedent/audit';
import {
  amendmentSetOn,
  CaseContentsService,
  caseProfile,
  CasesService,
  listReferralFor,
  type Subject,
} from '@precedent/cases';
import { OUTCOME_STEPS } from '@precedent/exchange';
import { auditContextOf, hasRole, type Principal } from '@precedent/identity';
import { Clock, InvalidInputError, NotFoundError, WorkingDayCalendar } from '@precedent/platform';
import { Appeal } from '../appeals/appeal.entity';
import { decisionProblems, type DecisionRecord } from '../decisions/decision-record.rules';
import {
  DecisionIncompleteError,
  FindingsIncompleteError,
  HearingStateError,
  OutcomeNotAllowedError,
} from '../hearing.errors';
import { Hearing } from '../hearings/hearing.entity';
import { HearingSeat } from '../panels/hearing-seat.entity';
import { PanelMember } from '../panels/panel-member.entity';
import { AllegationFinding } from './allegation-finding.entity';
import { checkOutcome } from './outcome-validity.rules';
import { outcomeDateProblems } from './outcome-dates.rules';
import { OUTCOME_LABELS, type Finding, type Outcome } from './outcome';
import { HearingPeriods } from '../config/hearing-periods';
import { outcomeNotices } from '../notices/notice-plan.rules';
import { NoticesService } from '../notices/notices.service';
import { OutcomeRecord } from './outcome-record.entity';
import { overallFinding, precedentRef } from './precedent.rules';
import { PrecedentWriter } from './precedent-writer.service';
import { warningExpiry } from './warning-period.rules';

export interface RecordOutcomeInput {
  subjectId: string;
  findings: { allegationId: string; finding: Finding }[];
  outcome: Outcome;
  /** The day the officer was notified: warnings run, and appeal time counts, from it. */
  notifiedOn: string;
  decidedOn?: string;
  extendedFinalWarning?: boolean;
  decision: DecisionRecord;
  departure?: { factors: string[]; explanation: string };
  recommendations?: { investigator?: Outcome; appropriateAuthority?: Outcome };
  finalWrittenWarningLive?: boolean;
  multipleUnconnectedIncidents?: boolean;
}

/**
 * Findings and outcomes. Recording an outcome writes the anonymised precedent in the same
 * transaction; appeals against it are the appeals service's, list referrals the list referrals service's.
 */
@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly contents: CaseContentsService,
    private readonly comparables: ComparablesService,
    private readonly precedentWriter: PrecedentWriter,
    private readonly audit: AuditService,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    private readonly periods: HearingPeriods,
    private readonly notices: NoticesService,
  ) {}

  async record(
    caseId: string,
    input: RecordOutcomeInput,
    by: Principal,
    requestId: string,
  ): Promise<OutcomeRecord> {
    const today = this.clock.today();
    return this.dataSource.transaction(async (em) => {
      const kase = await this.cases.openableIn(em, caseId, by, true);
      if (kase.status !== 'hearing_scheduled') {
        throw new HearingStateError(
          `Findings and an outcome are recorded once the meeting or hearing is fixed; this case is ${kase.status.replace(/_/g, ' ')}.`,
        );
      }
      const hearing = await em.getRepository(Hearing).findOne({ where: { caseId, status: 'fixed' } });
      if (!hearing?.scheduledOn) throw new HearingStateError('This case has no fixed meeting or hearing.');
      if (!hasRole(by, 'appropriate_authority') && !(await this.sitsOn(em, hearing.id, by.userId))) {
        throw new NotFoundError('case', caseId);
      }
      const decidedOn = input.decidedOn ?? today;
      const dates = outcomeDateProblems({
        hearingOn: hearing.scheduledOn,
        today,
        decidedOn,
        notifiedOn: input.notifiedOn,
      });
      if (dates.length) throw new InvalidInputError('bad_dates', dates[0].message, { fields: dates });

      const contents = await this.contents.contentsIn(em, caseId);
      const subjectIndex = contents.subjects.findIndex((s) => s.id === input.subjectId);
      if (subjectIndex < 0) throw new NotFoundError('subject on this case', input.subjectId);
      const subject = contents.subjects[subjectIndex];
      if (await em.getRepository(OutcomeRecord).exists({ where: { caseId, subjectId: subject.id } })) {
        throw new HearingStateError(
          'An outcome is already recorded for this subject; an appeal can vary it.',
        );
      }
      const allegations = contents.allegations.filter((a) => a.subjectId === subject.id);
      const given = new Map(input.findings.map((f) => [f.allegationId, f.finding]));
      const missing = allegations.filter((a) => !given.has(a.id)).map((a) => a.id);
      const strangers = [...given.keys()].filter((id) => !allegations.some((a) => a.id === id));
      if (
        allegations.length === 0 ||
        missing.length ||
        strangers.length ||
        given.size !== input.findings.length
      ) {
        throw new FindingsIncompleteError(
          'Give one finding for each allegation against this subject, and none for anything else.',
          { missing, notThisSubjects: strangers },
        );
      }
      const finding = overallFinding([...given.values()]);
      const answer = checkOutcome({
        subjectKind: subject.role === 'police_staff' || subject.role === 'pcso' ? 'police_staff' : 'officer',
        regime: kase.regime,
        forum: hearing.forum,
        finding,
        outcome: input.outcome,
        formerOfficer: subject.formerOfficer,
        finalWrittenWarningLive: input.finalWrittenWarningLive ?? false,
        multipleUnconnectedIncidents: input.multipleUnconnectedIncidents ?? false,
      });
      if (!answer.allowed) throw new OutcomeNotAllowedError(answer.rule, answer.message);
      if (
        input.extendedFinalWarning &&
        (input.outcome !== 'final_written_warning' || finding !== 'gross_misconduct')
      ) {
        throw new OutcomeNotAllowedError(
          'extended_final_warning',
          'The longer final written warning is given only as a final written warning on gross misconduct.',
        );
      }

      const ref = precedentRef(subject.force, randomUUID());
      const band = await this.band(contents, subject, input, finding, ref);
      const problems = decisionProblems(input.decision, {
        outcome: input.outcome,
        finding,
        decidedOn,
        offDutySpeech: contents.conductItems.some((item) => item.offDuty === true),
        outsideComparableBand: band?.outsideBand ?? false,
        ...(input.departure
          ? { departureFactors: input.departure.factors, departureExplanation: input.departure.explanation }
          : {}),
      });
      if (problems.length) {
        throw new DecisionIncompleteError(
          problems,
          band?.outsideBand ? { band: band.band, proposedStep: band.step } : {},
        );
      }

      const listReferral = listReferralFor(input.outcome, subject.formerOfficer, finding);
      const barred = listReferral === 'barred_list';
      const record = await em.save(
        em.create(OutcomeRecord, {
          caseId,
          subjectId: subject.id,
          hearingId: hearing.id,
          forum: hearing.forum,
          finding,
          outcome: input.outcome,
          currentOutcome: input.outcome,
          decidedOn,
          notifiedOn: input.notifiedOn,
          decision: input.decision,
          departure:
            band?.outsideBand && input.departure
              ? {
                  band: band.band,
                  proposedStep: band.step,
                  factors: input.departure.factors,
                  explanation: input.departure.explanation,
                }
              : null,
          extendedFinalWarning: input.extendedFinalWarning ?? false,
          warningExpiresOn: warningExpiry(
            {
              outcome: input.outcome,
              regime: kase.regime,
              notifiedOn: input.notifiedOn,
              extended: input.extendedFinalWarning ?? false,
            },
            this.periods.warning,
          ),
          wouldHaveBeenDismissed: input.outcome === 'would_have_been_dismissed',
          barredListReferral: barred,
          // the advisory list holds those who left under investigation and were not found "would have been dismissed"
          advisoryListReferral: listReferral === 'advisory_list',
          amendmentSet: amendmentSetOn(decidedOn),
          investigatorRecommendation: input.recommendations?.investigator ?? null,
          appropriateAuthorityRecommendation: input.recommendations?.appropriateAuthority ?? null,
          precedentRef: ref,
          recordedBy: by.userId,
        }),
      );
      await em.insert(
        AllegationFinding,
        input.findings.map((f) => ({
          outcomeRecordId: record.id,
          allegationId: f.allegationId,
          finding: f.finding,
        })),
      );
      await this.precedentWriter.write(em, kase, record, contents, subjectIndex);

      await this.cases.addEvent(em, caseId, {
        kind: 'outcome_recorded',
        actorId: by.userId,
        reason: `Subject ${subjectIndex + 1}: ${finding.replace(/_/g, ' ')}; ${OUTCOME_LABELS[input.outcome]}${
          record.warningExpiresOn ? ` (live until ${record.warningExpiresOn})` : ''
        }${barred ? '; barred list referral' : ''}.`,
      });
      // the officer is told their outcome, by email where they have an address (served on the working day)
      await this.notices.plan(em, hearing, [
        {
          kind: 'outcome_to_officer',
          dueOn: this.calendar.onOrAfter(today),
          subjectId: subject.id,
          text: `Notice to subject ${subjectIndex + 1} of the outcome: ${OUTCOME_LABELS[input.outcome]}.`,
        },
      ]);
      const decided = await em.getRepository(OutcomeRecord).count({ where: { caseId } });
      const withAllegations = new Set(contents.allegations.map((a) => a.subjectId)).size;
      if (decided >= withAllegations) {
        hearing.status = 'concluded';
        await em.save(hearing);
        // reg 43: the chair reports within 5 working days; a public hearing's outcome report is published
        const planned = outcomeNotices(
          hearing.forum,
          decidedOn,
          today,
          this.calendar,
          this.periods.timeLimits,
        );
        await this.notices.plan(em, hearing, planned);
        await this.cases.addEvent(em, caseId, {
          kind: 'chair_report_deadline',
          actorId: by.userId,
          reason: planned.map((n) => n.text).join(' '),
        });
        await this.cases.transitionIn(
          em,
          kase,
          {
            to: 'decided',
            reason: 'Findings and outcomes recorded for every subject.',
            outcomeRecorded: true,
          },
          by,
          requestId,
        );
      }
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'case.outcome.record',
        entityType: 'case',
        entityId: caseId,
        details: {
          outcomeRecordId: record.id,
          subjectId: subject.id,
          outcome: input.outcome,
          departure: record.departure !== null,
        },
      });
      return record;
    });
  }

  async forCase(
    caseId: string,
    by: Principal,
    requestId: string,
  ): Promise<{ outcome: OutcomeRecord; findings: AllegationFinding[]; appeals: Appeal[] }[]> {
    await this.cases.open(caseId, by, requestId);
    const records = await this.dataSource
      .getRepository(OutcomeRecord)
      .find({ where: { caseId }, order: { createdAt: 'ASC' } });
    return Promise.all(
      records.map(async (outcome) => ({
        outcome,
        findings: await this.dataSource
          .getRepository(AllegationFinding)
          .find({ where: { outcomeRecordId: outcome.id } }),
        appeals: await this.dataSource
          .getRepository(Appeal)
          .find({ where: { outcomeRecordId: outcome.id }, order: { createdAt: 'ASC' } }),
      })),
    );
  }

  private async sitsOn(em: EntityManager, hearingId: string, userId: string): Promise<boolean> {
    return em
      .getRepository(HearingSeat)
      .createQueryBuilder('s')
      .innerJoin(PanelMember, 'm', 'm.id = s.panel_member_id')
      .where('s.hearing_id = :hearingId AND m.user_id = :userId', { hearingId, userId })
      .getExists();
  }

  /** Where the outcome falls against comparable precedents (its own precedent excluded), when there is a band. */
  private async band(
    contents: Awaited<ReturnType<CaseContentsService['contentsIn']>>,
    subject: Subject,
    input: RecordOutcomeInput,
    finding: Finding,
    ref: string,
  ): Promise<{ outsideBand: boolean; band: { lowStep: number; highStep: number }; step: number } | null> {
    const profile = caseProfile(contents, subject.id);
    if (!profile) return null;
    const answer = await this.comparables.comparables({
      profile: {
        ...profile,
        finding,
        ...(input.decision.culpability ? { culpability: input.decision.culpability } : {}),
        ...(input.decision.harm ? { harm: input.decision.harm } : {}),
        aggravating: [...input.decision.aggravating],
        mitigating: [...input.decision.mitigating],
      },
      proposedOutcome: input.outcome,
      filters: { excludeRefs: [ref] },
    });
    if (!answer.band || !answer.proposed) return null;
    return {
      outsideBand: answer.proposed.outsideBand,
      band: answer.band,
      step: OUTCOME_STEPS[input.outcome],
    };
  }
}
