import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, format, parseISO } from 'date-fns';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, systemContext } from '@precedent/audit';
import { WorkingDayCalendar } from '@precedent/platform';
import { Appeal } from '../appeals/appeal.entity';
import { appealBody, appealDeadline } from '../appeals/appeal-period.rules';
import { HearingDateChange } from '../hearings/hearing-date-change.entity';
import { Hearing } from '../hearings/hearing.entity';
import { AllegationFinding } from '../outcomes/allegation-finding.entity';
import { OutcomeRecord } from '../outcomes/outcome-record.entity';
import { precedentRef } from '../outcomes/precedent.rules';
import { warningExpiry } from '../outcomes/warning-period.rules';
import { HearingSeat } from '../panels/hearing-seat.entity';
import { PanelMember } from '../panels/panel-member.entity';
import { panelModel, REQUIRED_SEATS, type PanelRole } from '../panels/panel-composition.rules';
import { demoHearingPlan, type DemoHearingPlan } from './demo-hearings.rules';

/** The fictional panel pool; the first chair is the demo panel member's own account. */
const DEMO_POOL: { name: string; roles: PanelRole[]; rank: string | null; demoUser?: true }[] = [
  { name: 'Chair Lee Sample', roles: ['chair'], rank: 'chief_superintendent', demoUser: true },
  { name: 'ACC Robin Demo', roles: ['chair'], rank: 'assistant_chief_constable' },
  { name: 'Ch Supt Kit Demo', roles: ['chair'], rank: 'chief_superintendent' },
  { name: 'Morgan Independent (demo)', roles: ['independent_member'], rank: null },
  { name: 'Casey Independent (demo)', roles: ['independent_member'], rank: null },
  { name: 'Drew Lay (demo)', roles: ['lay_member'], rank: null },
  { name: 'Jamie Lay (demo)', roles: ['lay_member'], rank: null },
  { name: 'Taylor Adviser (demo)', roles: ['legally_qualified_adviser'], rank: null },
  { name: 'Jordan Adviser (demo)', roles: ['legally_qualified_adviser'], rank: null },
];

export interface DemoHearingsOptions {
  today: string;
  /** The demo panel member's account: they chair some of the hearings coming up. */
  panelUserId: string;
  /** Who is recorded as having entered the outcomes. */
  authorityId: string;
  /** The home force, for the precedent references. */
  force: string;
}

/**
 * The demo's hearings: fixed ones coming up with seated panels, and concluded ones with findings,
 * outcomes and appeals, for the demo cases the cases loader wrote (their statuses and days decide
 * which, see demo-hearings.rules). Loaded once: a second run finds them and adds nothing.
 */
@Injectable()
export class DemoHearingsLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: WorkingDayCalendar,
    private readonly audit: AuditService,
  ) {}

  async load(
    options: DemoHearingsOptions,
  ): Promise<{ upcoming: number; concluded: number; appeals: number }> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('precedent.demo-hearings'))`);
      const cases = (await em.query(
        `SELECT c.id, c.reference, c.status,
                coalesce(json_agg(json_build_object('to', e.to_status, 'on', to_char(e.at, 'YYYY-MM-DD')) ORDER BY e.id)
                  FILTER (WHERE e.kind = 'transition'), '[]') AS path
           FROM cases c
           JOIN case_events e ON e.case_id = c.id
          WHERE c.id IN (SELECT case_id FROM case_events WHERE kind = 'recorded' AND reason LIKE 'Fictional demo data%')
            AND c.status IN ('hearing_scheduled', 'decided', 'appeal', 'closed')
            AND NOT EXISTS (SELECT 1 FROM hearings h WHERE h.case_id = c.id)
          GROUP BY c.id
          ORDER BY c.reference`,
      )) as { id: string; reference: string; status: string; path: { to: string; on: string }[] }[];
      const result = { upcoming: 0, concluded: 0, appeals: 0 };
      if (!cases.length) return result;
      const pool = await this.pool(em, options.panelUserId);
      const upcomingDays = this.workingDaysFrom(options.today, 60);
      const seen = new Map<string, number>();
      for (const kase of cases) {
        const index = seen.get(kase.status) ?? 0;
        seen.set(kase.status, index + 1);
        const plan = demoHearingPlan(kase, index, upcomingDays);
        if (!plan) continue;
        const hearing = await this.hearing(em, kase.id, plan, options.today);
        // the date's history, as the scheduler would have left it: fixed when the documents went out
        await em.getRepository(HearingDateChange).insert({
          hearingId: hearing.id,
          kind: 'fixed',
          date: hearing.scheduledOn,
          startsAt: hearing.startsAt,
          venue: hearing.venue,
          remoteLink: null,
          reason: null,
          actorId: options.authorityId,
          at: new Date(`${hearing.documentsSuppliedOn}T10:00:00Z`),
        });
        await this.seat(em, hearing, plan, pool, index);
        if (plan.kind === 'upcoming') {
          result.upcoming++;
          continue;
        }
        result.concluded++;
        if (await this.outcome(em, kase, hearing, plan, options)) result.appeals++;
      }
      await this.audit.record(em, systemContext('demo'), {
        action: 'hearing.demo.load',
        entityType: 'hearing',
        details: result,
      });
      return result;
    });
  }

  /** The pool, made once; the demo panel member's own entry is linked to their account. */
  private async pool(em: EntityManager, panelUserId: string): Promise<PanelMember[]> {
    const repository = em.getRepository(PanelMember);
    const members: PanelMember[] = [];
    for (const demo of DEMO_POOL) {
      const existing = demo.demoUser
        ? await repository.findOne({ where: { userId: panelUserId } })
        : await repository.findOne({ where: { name: demo.name } });
      members.push(
        existing ??
          (await repository.save(
            repository.create({
              name: demo.name,
              roles: demo.roles,
              rank: demo.rank,
              force: null,
              userId: demo.demoUser ? panelUserId : null,
              unavailableOn: [],
              unavailablePeriods: [],
              active: true,
            }),
          )),
      );
    }
    return members;
  }

  private workingDaysFrom(today: string, count: number): string[] {
    const days: string[] = this.calendar.isWorkingDay(today) ? [today] : [];
    let day = today;
    while (days.length < count) {
      day = this.calendar.addWorkingDays(day, 1);
      days.push(day);
    }
    return days;
  }

  private async hearing(em: EntityManager, caseId: string, plan: DemoHearingPlan, today: string) {
    // the documents reached the officer well before the date, so the response period has run
    const supplied = format(
      addDays(parseISO(plan.kind === 'upcoming' ? today : plan.scheduledOn), -45),
      'yyyy-MM-dd',
    );
    return em.getRepository(Hearing).save(
      em.getRepository(Hearing).create({
        caseId,
        forum: plan.forum,
        status: plan.kind === 'upcoming' ? 'fixed' : 'concluded',
        documentsSuppliedOn: supplied,
        officerResponseDue: this.calendar.addWorkingDays(supplied, 10),
        scheduledOn: plan.scheduledOn,
        startsAt: '10:00',
        venue: 'Force HQ, Committee Room 2 (fictional)',
        remoteLink: null,
        inPublic: plan.forum !== 'misconduct_meeting',
        chiefOfficerInterestedParty: false,
      }),
    );
  }

  /** Every seat the forum's panel model needs on that date, filled from the pool in turn. */
  private async seat(
    em: EntityManager,
    hearing: Hearing,
    plan: DemoHearingPlan,
    pool: PanelMember[],
    index: number,
  ): Promise<void> {
    const model = panelModel(plan.forum, plan.scheduledOn);
    const seats: Partial<HearingSeat>[] = [];
    for (const need of REQUIRED_SEATS[model]) {
      const candidates = pool.filter((m) => m.roles.includes(need.role));
      for (let n = 0; n < need.count; n++) {
        const chair = need.role === 'chair' && plan.kind === 'upcoming';
        const member = chair
          ? plan.chairedByDemoPanel
            ? candidates[0]
            : candidates[1 + (index % (candidates.length - 1))]
          : candidates[(index + n) % candidates.length];
        seats.push({ hearingId: hearing.id, panelMemberId: member.id, role: need.role });
      }
    }
    await em.getRepository(HearingSeat).insert(seats);
  }

  /** Each subject's findings and outcome; an appealed case's appeal against the first. True when one was lodged. */
  private async outcome(
    em: EntityManager,
    kase: { id: string; reference: string },
    hearing: Hearing,
    plan: Extract<DemoHearingPlan, { kind: 'concluded' }>,
    options: DemoHearingsOptions,
  ): Promise<boolean> {
    const subjects = (await em.query(
      `SELECT id FROM case_subjects WHERE case_id = $1 ORDER BY created_at, id`,
      [kase.id],
    )) as { id: string }[];
    const [{ regime }] = (await em.query(`SELECT regime FROM cases WHERE id = $1`, [kase.id])) as {
      regime: string;
    }[];
    let first: OutcomeRecord | null = null;
    for (const subject of subjects) {
      const record = await em.getRepository(OutcomeRecord).save(
        em.getRepository(OutcomeRecord).create({
          caseId: kase.id,
          subjectId: subject.id,
          hearingId: hearing.id,
          forum: plan.forum,
          finding: plan.finding,
          outcome: plan.outcome,
          currentOutcome: plan.outcome,
          decidedOn: plan.scheduledOn,
          notifiedOn: plan.scheduledOn,
          decision: {
            culpability: 'medium',
            harm: 'medium',
            aggravating: [],
            mitigating: [],
            purposes: ['public_confidence', 'high_standards'],
            outcomeRationale:
              'Fictional demo rationale: a less severe outcome would not maintain confidence.',
            reasons: 'Fictional demo reasons, as read out at the end of the hearing.',
          },
          departure: null,
          extendedFinalWarning: false,
          warningExpiresOn: warningExpiry({
            outcome: plan.outcome,
            regime: regime as never,
            notifiedOn: plan.scheduledOn,
          }),
          wouldHaveBeenDismissed: false,
          barredListReferral: plan.outcome === 'dismissal_without_notice',
          advisoryListReferral: false,
          investigatorRecommendation: null,
          appropriateAuthorityRecommendation: null,
          precedentRef: precedentRef(options.force, randomUUID()),
          recordedBy: options.authorityId,
        }),
      );
      first ??= record;
      const allegations = (await em.query(`SELECT id FROM case_allegations WHERE subject_id = $1`, [
        subject.id,
      ])) as { id: string }[];
      if (allegations.length)
        await em.getRepository(AllegationFinding).insert(
          allegations.map((a) => ({
            outcomeRecordId: record.id,
            allegationId: a.id,
            finding: plan.finding,
          })),
        );
    }
    if (!first || !plan.appealLodgedOn) return false;
    await em.getRepository(Appeal).insert({
      outcomeRecordId: first.id,
      caseId: kase.id,
      body: appealBody(plan.forum),
      lodgedOn: plan.appealLodgedOn,
      deadline: appealDeadline(plan.forum, first.notifiedOn, this.calendar),
      grounds: ['unreasonable'],
      details: 'Fictional demo appeal: the outcome was unreasonable given the officer’s record.',
      result: null,
      decidedOn: null,
      variedOutcome: null,
      reasons: null,
    });
    return true;
  }
}
