import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ComparablesService, PrecedentStore } from '@precedent/analytics';
import { AuditService } from '@precedent/audit';
import {
  amendmentSetOn,
  CaseContentsService,
  chiefOfficerMayAppeal,
  caseProfile,
  CasesService,
  listReferralFor,
  type Case,
  type Subject,
} from '@precedent/cases';
import { OUTCOME_STEPS, type Stage } from '@precedent/exchange';
import { auditContextOf, hasRole, type Principal } from '@precedent/identity';
import { Clock, InvalidInputError, NotFoundError, WorkingDayCalendar } from '@precedent/platform';
import { Appeal, type Appellant } from '../appeals/appeal.entity';
import {
  appealBody,
  checkAppealInTime,
  type AppealGround,
  type AppealResult,
} from '../appeals/appeal-period.rules';
import { decisionProblems, type DecisionRecord } from '../decisions/decision-record.rules';
import {
  AppealOutOfTimeError,
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
import { overallFinding, precedentRecord, precedentRef } from './precedent.rules';
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

export interface LodgeAppealInput {
  subjectId: string;
  /** The officer (default), or the chief officer when chief-officer appeals are switched on. */
  appellant?: Appellant;
  lodgedOn?: string;
  grounds: AppealGround[];
  details: string;
}

export interface DecideAppealInput {
  result: AppealResult;
  variedOutcome?: Outcome;
  reasons: string;
  decidedOn?: string;
}

const DISMISSALS: readonly Outcome[] = [
  'dismissal_with_notice',
  'dismissal_without_notice',
  'would_have_been_dismissed',
];

/**
 * Findings, outcomes and appeals. Recording an outcome writes the anonymised precedent in the same
 * transaction; a varied appeal outcome rewrites it and the live warning.
 */
@Injectable()
export class OutcomesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly contents: CaseContentsService,
    private readonly comparables: ComparablesService,
    private readonly precedents: PrecedentStore,
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
      await this.writePrecedent(em, kase, record, contents, subjectIndex);

      await this.cases.addEvent(em, caseId, {
        kind: 'outcome_recorded',
        actorId: by.userId,
        reason: `Subject ${subjectIndex + 1}: ${finding.replace(/_/g, ' ')}; ${OUTCOME_LABELS[input.outcome]}${
          record.warningExpiresOn ? ` (live until ${record.warningExpiresOn})` : ''
        }${barred ? '; barred list referral' : ''}.`,
      });
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

  async lodgeAppeal(
    caseId: string,
    input: LodgeAppealInput,
    by: Principal,
    requestId: string,
  ): Promise<Appeal> {
    const today = this.clock.today();
    const lodgedOn = input.lodgedOn ?? today;
    if (lodgedOn > today) {
      throw new InvalidInputError('future_date', 'lodgedOn cannot be in the future.', {
        fields: [{ field: 'lodgedOn', message: 'must be today or earlier' }],
      });
    }
    return this.dataSource.transaction(async (em) => {
      const kase = await this.cases.openableIn(em, caseId, by, true);
      const record = await em
        .getRepository(OutcomeRecord)
        .findOne({ where: { caseId, subjectId: input.subjectId } });
      if (!record) throw new NotFoundError('outcome for that subject', input.subjectId);
      const open = await em
        .getRepository(Appeal)
        .createQueryBuilder('a')
        .where('a.outcome_record_id = :id AND a.result IS NULL', { id: record.id })
        .getExists();
      if (open) throw new HearingStateError('An appeal against this outcome is already open.');
      if (lodgedOn < record.notifiedOn) {
        throw new InvalidInputError(
          'bad_dates',
          'An appeal cannot be lodged before the outcome was notified.',
          {
            fields: [{ field: 'lodgedOn', message: `must be on or after ${record.notifiedOn}` }],
          },
        );
      }
      const appellant = input.appellant ?? 'officer';
      if (appellant === 'chief_officer') {
        if (!hasRole(by, 'appropriate_authority')) {
          throw new HearingStateError('Only the appropriate authority can lodge the chief officer’s appeal.');
        }
        if (!chiefOfficerMayAppeal(this.periods.chiefOfficerAppeals, record.decidedOn)) {
          throw new HearingStateError(
            'Chief officers cannot appeal this outcome to the Police Appeals Tribunal: the power is not switched on for outcomes decided on that day. It starts when the Crime and Policing Act 2026 provision commences.',
          );
        }
        if (record.forum === 'misconduct_meeting') {
          throw new HearingStateError(
            'A chief officer’s appeal goes to the Police Appeals Tribunal, which hears appeals from hearings, not meetings.',
          );
        }
      }
      const time = checkAppealInTime(
        record.forum,
        record.notifiedOn,
        lodgedOn,
        this.calendar,
        appellant === 'chief_officer'
          ? { ...this.periods.appeal, tribunalAppeal: this.periods.chiefOfficerAppeals.workingDays }
          : this.periods.appeal,
      );
      if (!time.inTime) throw new AppealOutOfTimeError(time.rule, time.message, time.deadline);
      const appeal = await em.save(
        em.create(Appeal, {
          outcomeRecordId: record.id,
          caseId,
          body: appealBody(record.forum),
          appellant,
          lodgedOn,
          deadline: time.deadline,
          grounds: [...new Set(input.grounds)],
          details: input.details,
          result: null,
          decidedOn: null,
          variedOutcome: null,
          reasons: null,
        }),
      );
      const body = appeal.body === 'internal_appeal' ? 'an internal appeal' : 'the Police Appeals Tribunal';
      await this.cases.addEvent(em, caseId, {
        kind: 'appeal_lodged',
        actorId: by.userId,
        reason: `Appeal to ${body} lodged on ${lodgedOn} (in time: the last day was ${time.deadline}); grounds: ${appeal.grounds.join(', ').replace(/_/g, ' ')}.`,
      });
      if (kase.status === 'decided') {
        await this.cases.transitionIn(
          em,
          kase,
          { to: 'appeal', reason: `Appeal lodged on ${lodgedOn}.` },
          by,
          requestId,
        );
      }
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'case.appeal.lodge',
        entityType: 'case',
        entityId: caseId,
        details: { appealId: appeal.id, outcomeRecordId: record.id },
      });
      return appeal;
    });
  }

  async decideAppeal(
    caseId: string,
    appealId: string,
    input: DecideAppealInput,
    by: Principal,
    requestId: string,
  ): Promise<Appeal> {
    const today = this.clock.today();
    const decidedOn = input.decidedOn ?? today;
    return this.dataSource.transaction(async (em) => {
      const kase = await this.cases.openableIn(em, caseId, by, true);
      const appeal = await em.getRepository(Appeal).findOne({ where: { id: appealId, caseId } });
      if (!appeal) throw new NotFoundError('appeal', appealId);
      if (appeal.result) throw new HearingStateError('This appeal has already been decided.');
      if (decidedOn > today || decidedOn < appeal.lodgedOn) {
        throw new InvalidInputError('bad_dates', 'The decision date must be between the appeal and today.', {
          fields: [{ field: 'decidedOn', message: `between ${appeal.lodgedOn} and ${today}` }],
        });
      }
      const record = await em
        .getRepository(OutcomeRecord)
        .findOneOrFail({ where: { id: appeal.outcomeRecordId } });
      const contents = await this.contents.contentsIn(em, caseId);
      const subjectIndex = contents.subjects.findIndex((s) => s.id === record.subjectId);
      const subject = contents.subjects[subjectIndex];
      let finalOutcome: Outcome | null = null;
      if (input.result === 'outcome_varied') {
        if (!input.variedOutcome) {
          throw new InvalidInputError('varied_outcome_required', 'Say what the outcome was varied to.', {
            fields: [{ field: 'variedOutcome', message: 'required when the outcome is varied' }],
          });
        }
        const answer = checkOutcome({
          subjectKind:
            subject.role === 'police_staff' || subject.role === 'pcso' ? 'police_staff' : 'officer',
          regime: kase.regime,
          forum: record.forum,
          finding: record.finding,
          outcome: input.variedOutcome,
          formerOfficer: subject.formerOfficer,
          // the appeal body substitutes an outcome the original forum could have given on its finding
          finalWrittenWarningLive: true,
          multipleUnconnectedIncidents: true,
        });
        if (!answer.allowed) throw new OutcomeNotAllowedError(answer.rule, answer.message);
        finalOutcome = input.variedOutcome;
      } else if (input.result === 'allowed') {
        finalOutcome = 'no_further_action';
      }
      appeal.result = input.result;
      appeal.decidedOn = decidedOn;
      appeal.variedOutcome = input.result === 'outcome_varied' ? input.variedOutcome! : null;
      appeal.reasons = input.reasons;
      await em.save(appeal);
      if (finalOutcome) {
        record.currentOutcome = finalOutcome;
        // a substituted warning runs from the day the appeal decision is given [U]
        record.warningExpiresOn = warningExpiry(
          {
            outcome: finalOutcome,
            regime: kase.regime,
            notifiedOn: decidedOn,
          },
          this.periods.warning,
        );
        record.extendedFinalWarning = false;
        record.barredListReferral = DISMISSALS.includes(finalOutcome);
        record.wouldHaveBeenDismissed = finalOutcome === 'would_have_been_dismissed';
        await em.save(record);
        await this.writePrecedent(em, kase, record, contents, subjectIndex, {
          appealOutcome: finalOutcome,
          ...(input.result === 'allowed' ? { finding: 'not_proven' as const } : {}),
        });
      }
      await this.cases.addEvent(em, caseId, {
        kind: 'appeal_decided',
        actorId: by.userId,
        reason: `Appeal ${input.result.replace(/_/g, ' ')}${finalOutcome ? `: the outcome is now ${OUTCOME_LABELS[finalOutcome]}` : ''}${
          record.warningExpiresOn && finalOutcome ? ` (live until ${record.warningExpiresOn})` : ''
        }.`,
      });
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: 'case.appeal.decide',
        entityType: 'case',
        entityId: caseId,
        details: { appealId, result: input.result, variedOutcome: appeal.variedOutcome },
      });
      return appeal;
    });
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

  private async writePrecedent(
    em: EntityManager,
    kase: Case,
    record: OutcomeRecord,
    contents: Awaited<ReturnType<CaseContentsService['contentsIn']>>,
    subjectIndex: number,
    appeal?: { appealOutcome: Outcome; finding?: Finding },
  ): Promise<void> {
    const subject = contents.subjects[subjectIndex];
    const profile = caseProfile(contents, subject.id);
    if (!profile) {
      throw new InvalidInputError(
        'no_profile_yet',
        'Record the conduct items before the outcome: the precedent needs them.',
      );
    }
    const stages: { stage: Stage; outcome: Outcome }[] = [
      ...(record.investigatorRecommendation
        ? [{ stage: 'investigator' as const, outcome: record.investigatorRecommendation }]
        : []),
      ...(record.appropriateAuthorityRecommendation
        ? [{ stage: 'appropriate_authority' as const, outcome: record.appropriateAuthorityRecommendation }]
        : []),
      { stage: 'panel', outcome: record.outcome },
      ...(appeal ? [{ stage: 'appeal' as const, outcome: appeal.appealOutcome }] : []),
    ];
    await this.precedents.recordInternal(
      em,
      precedentRecord({
        force: subject.force,
        ref: record.precedentRef,
        decidedOn: record.decidedOn,
        forum: record.forum,
        regime: kase.regime,
        finding: appeal?.finding ?? record.finding,
        outcome: record.currentOutcome,
        profile,
        ...(record.decision.culpability ? { culpability: record.decision.culpability } : {}),
        ...(record.decision.harm ? { harm: record.decision.harm } : {}),
        aggravating: record.decision.aggravating,
        mitigating: record.decision.mitigating,
        stages,
        ...(record.decision.exceptionalCircumstances
          ? { exceptionalCircumstances: record.decision.exceptionalCircumstances }
          : {}),
        identifiers: contents.subjects.flatMap((s) => [s.name, s.staffNumber]),
      }),
      kase.id,
    );
  }
}
