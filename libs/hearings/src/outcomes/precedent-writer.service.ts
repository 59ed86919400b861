import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PrecedentStore } from '@precedent/analytics';
import { caseProfile, type Case, type CaseContentsService } from '@precedent/cases';
import type { Stage } from '@precedent/exchange';
import { InvalidInputError } from '@precedent/platform';
import type { Finding, Outcome } from './outcome';
import type { OutcomeRecord } from './outcome-record.entity';
import { precedentRecord } from './precedent.rules';

/**
 * Writes an outcome's anonymised precedent in the caller's transaction: when the outcome is recorded,
 * and again when an appeal varies it.
 */
@Injectable()
export class PrecedentWriter {
  constructor(private readonly precedents: PrecedentStore) {}

  async write(
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
