import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { CaseContentsService, CasesService, chiefOfficerMayAppeal } from '@precedent/cases';
import { auditContextOf, hasRole, type Principal } from '@precedent/identity';
import { Clock, InvalidInputError, NotFoundError, WorkingDayCalendar } from '@precedent/platform';
import { HearingPeriods } from '../config/hearing-periods';
import { AppealOutOfTimeError, HearingStateError, OutcomeNotAllowedError } from '../hearing.errors';
import { OUTCOME_LABELS, type Outcome } from '../outcomes/outcome';
import { OutcomeRecord } from '../outcomes/outcome-record.entity';
import { checkOutcome } from '../outcomes/outcome-validity.rules';
import { PrecedentWriter } from '../outcomes/precedent-writer.service';
import { warningExpiry } from '../outcomes/warning-period.rules';
import { Appeal, type Appellant } from './appeal.entity';
import { appealBody, checkAppealInTime, type AppealGround, type AppealResult } from './appeal-period.rules';

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
 * Appeals against an outcome: lodged within the time limit to the body the forum's appeals go to,
 * and decided; a varied or allowed appeal rewrites the outcome, the live warning and the precedent.
 */
@Injectable()
export class AppealsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly contents: CaseContentsService,
    private readonly precedentWriter: PrecedentWriter,
    private readonly audit: AuditService,
    private readonly calendar: WorkingDayCalendar,
    private readonly clock: Clock,
    private readonly periods: HearingPeriods,
  ) {}

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
        await this.precedentWriter.write(em, kase, record, contents, subjectIndex, {
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
}
