import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService, systemContext } from '@precedent/audit';
import { CaseGrant } from '../access/case-grant.entity';
import { Case } from '../cases/case.entity';
import { CaseEvent } from '../cases/case-event.entity';
import { nextReference } from '../cases/case-reference';
import { iopcCriteriaMet } from '../cases/iopc-referral.rules';
import { regimeFor } from '../cases/regime.rules';
import { Allegation } from '../conduct/allegation.entity';
import { ConductItem } from '../conduct/conduct-item.entity';
import { Subject } from '../conduct/subject.entity';
import { demoCases, type DemoCase } from './demo-cases';

/** The reason on a demo case's "recorded" event: marks the set, so loading it again adds nothing. */
export const DEMO_MARK = 'Fictional demo data loaded by the demo command.';

export interface DemoCasesOptions {
  count: number;
  seed: string;
  today: string;
  investigatorId: string;
  authorityId: string;
  team: string;
}

/** Loads the fictional demo cases once: subjects, allegations, conduct items, timeline, audit. */
@Injectable()
export class DemoCasesLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async load(options: DemoCasesOptions): Promise<{ loaded: number; alreadyThere: number }> {
    const [{ n }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM case_events WHERE kind = 'recorded' AND reason = $1`,
      [DEMO_MARK],
    )) as { n: number }[];
    if (n > 0) return { loaded: 0, alreadyThere: n };
    const cases = demoCases(options.count, { seed: options.seed, today: options.today });
    await this.dataSource.transaction(async (em) => {
      // one loader at a time: a second demo started alongside waits, then finds the set there
      await em.query(`SELECT pg_advisory_xact_lock(hashtext('precedent.demo-cases'))`);
      const [{ again }] = (await em.query(
        `SELECT count(*)::int AS again FROM case_events WHERE kind = 'recorded' AND reason = $1`,
        [DEMO_MARK],
      )) as { again: number }[];
      if (again > 0) return;
      for (const demo of cases) await this.loadOne(em, demo, options);
    });
    return { loaded: cases.length, alreadyThere: 0 };
  }

  /**
   * Gives the senior officer a few demo cases to review, as the appropriate authority would from
   * the case's access page (a grant with its reason and last day, on the timeline, audited): the
   * most recently decided cases and a case with a hearing coming up. Once only: a senior officer
   * who already holds grants is left as they are.
   */
  async grantForReview(options: { seniorId: string; authorityId: string; until: string }): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const held = await em.count(CaseGrant, { where: { userId: options.seniorId } });
      if (held > 0) return 0;
      const rows: { id: string }[] = await em.query(
        `(SELECT id FROM cases WHERE status = 'decided' ORDER BY status_changed_at DESC, reference LIMIT 3)
         UNION ALL
         (SELECT id FROM cases WHERE status = 'hearing_scheduled' ORDER BY status_changed_at DESC, reference LIMIT 1)`,
      );
      const reason = 'Fictional: reviewing recent outcomes for the professional standards board.';
      for (const { id } of rows) {
        const grant = await em.save(
          em.create(CaseGrant, {
            caseId: id,
            userId: options.seniorId,
            grantedBy: options.authorityId,
            reason,
            until: options.until,
          }),
        );
        await em.insert(CaseEvent, {
          caseId: id,
          actorId: options.authorityId,
          kind: 'access_granted',
          reason,
        });
        await this.audit.record(em, systemContext('demo'), {
          action: 'case.grant',
          entityType: 'case',
          entityId: id,
          details: { grantId: grant.id, userId: options.seniorId, until: options.until, reason, demo: true },
        });
      }
      return rows.length;
    });
  }

  private async loadOne(em: EntityManager, demo: DemoCase, options: DemoCasesOptions): Promise<void> {
    const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);
    const criteria = iopcCriteriaMet({
      declared: [],
      conductItems: demo.conductItems,
      allegations: demo.allegations,
    });
    // held cases have been referred and wait for the IOPC's answer; only a new case is still undecided
    const pastReferral = demo.status !== 'received';
    const last = demo.path[demo.path.length - 1]?.on ?? demo.receivedAt;
    const kase = await em.save(
      em.create(Case, {
        reference: await nextReference(em, Number(demo.receivedAt.slice(0, 4))),
        source: demo.source,
        receivedAt: demo.receivedAt,
        cameToAttentionOn: demo.cameToAttentionOn,
        regime: regimeFor(demo.cameToAttentionOn),
        summary: demo.summary,
        status: demo.status,
        statusChangedAt: at(last, 15),
        restricted: demo.restricted,
        assignedInvestigatorId: options.investigatorId,
        team: options.team,
        reporterName: demo.reporter?.name ?? null,
        reporterContact: demo.reporter?.contact ?? null,
        authorisedBy: demo.authorisation?.authorisedBy ?? null,
        authorisedAt: demo.authorisation?.authorisedAt ?? null,
        authorisationJustification: demo.authorisation?.justification ?? null,
        severity: demo.severity,
        severityRationale: demo.severity ? 'Fictional demo assessment of the conduct described.' : null,
        iopcReferralRequired: criteria.length > 0,
        iopcCriteria: criteria,
        iopcCriteriaMetAt: criteria.length ? at(demo.receivedAt, 11) : null,
        iopcReferralDecision:
          criteria.length && pastReferral
            ? demo.status === 'iopc_referral_hold'
              ? 'Fictional: referred to the IOPC; waiting for its decision on who investigates.'
              : 'Fictional: referred to the IOPC, which returned it for local investigation.'
            : null,
        createdAt: at(demo.receivedAt, 9),
      }),
    );
    const subjects = await em.save(
      demo.subjects.map((s) =>
        em.create(Subject, { ...s, caseId: kase.id, createdAt: at(demo.receivedAt, 10) }),
      ),
    );
    await em.insert(
      Allegation,
      demo.allegations.map((a) => ({
        caseId: kase.id,
        subjectId: subjects[a.subject].id,
        standards: a.standards,
        description: a.description,
      })),
    );
    await em.insert(
      ConductItem,
      demo.conductItems.map((c) => ({ ...c, caseId: kase.id, postedAt: new Date(c.postedAt) })),
    );
    const events: Partial<CaseEvent>[] = [
      { kind: 'recorded', toStatus: 'received', reason: DEMO_MARK, at: at(demo.receivedAt, 9) },
    ];
    if (criteria.length) {
      events.push({
        kind: 'iopc_criteria_met',
        reason: criteria.map((c) => c.reason).join(' '),
        at: at(demo.receivedAt, 11),
      });
    }
    let from = 'received';
    for (const [i, step] of demo.path.entries()) {
      if (i === 0 && demo.severity) {
        events.push({ kind: 'assessed', reason: 'Fictional demo assessment.', at: at(step.on, 12) });
      }
      events.push({
        kind: 'transition',
        fromStatus: from,
        toStatus: step.to,
        reason: 'Fictional demo step.',
        at: at(step.on, 15),
      });
      from = step.to;
    }
    await em.insert(
      CaseEvent,
      events.map((e) => ({ ...e, caseId: kase.id, actorId: options.authorityId })),
    );
    await this.audit.record(em, systemContext('demo'), {
      action: 'case.record',
      entityType: 'case',
      entityId: kase.id,
      details: { reference: kase.reference, source: kase.source, demo: true },
    });
  }
}
