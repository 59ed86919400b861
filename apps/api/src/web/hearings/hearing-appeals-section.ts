import { Injectable } from '@nestjs/common';
import { CaseContentsService } from '@precedent/cases';
import {
  APPEAL_GROUNDS,
  APPEAL_RESULTS,
  OUTCOME_LABELS,
  OUTCOMES,
  OutcomesService,
  type HearingView,
  type Outcome,
} from '@precedent/hearings';
import { hasRole, type Principal } from '@precedent/identity';
import { words } from '../../common/code-words';
import { many, one, type Form } from '../hearing-forms';

const CASEWORK = ['investigator', 'appropriate_authority'] as const;
const RESULT_WORDS: Record<string, string> = {
  outcome_varied: 'Outcome varied',
  allowed: 'Allowed (no further action)',
  dismissed: 'Dismissed (the outcome stands)',
};

/** The outcomes a hearing gave, their appeals, and (for casework) the forms to lodge and decide one. */
@Injectable()
export class HearingAppealsSection {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly contents: CaseContentsService,
  ) {}

  async build(view: HearingView, principal: Principal, requestId: string, form: Form) {
    if (view.hearing.status !== 'concluded' && view.hearing.status !== 'fixed') return null;
    const records = (await this.outcomes.forCase(view.hearing.caseId, principal, requestId)).filter(
      (r) => r.outcome.hearingId === view.hearing.id,
    );
    if (!records.length) return null;
    const contents = await this.contents.contents(view.hearing.caseId, principal, requestId);
    const nameOf = (id: string) => contents.subjects.find((s) => s.id === id)?.name ?? 'The subject';
    const label = (code: string | null) => (code ? (OUTCOME_LABELS[code as Outcome] ?? words(code)) : '');
    return {
      casework: CASEWORK.some((role) => hasRole(principal, role)),
      outcomes: records.map(({ outcome, appeals }) => ({
        subjectId: outcome.subjectId,
        name: nameOf(outcome.subjectId),
        outcome: label(outcome.outcome),
        current: outcome.currentOutcome !== outcome.outcome ? label(outcome.currentOutcome) : null,
        decidedOn: outcome.decidedOn,
        notifiedOn: outcome.notifiedOn,
        appeals: appeals.map((a) => ({
          id: a.id,
          lodgedOn: a.lodgedOn,
          deadline: a.deadline,
          body: a.body === 'internal_appeal' ? 'an internal appeal' : 'the Police Appeals Tribunal',
          grounds: a.grounds.map(words).join(', '),
          result: a.result ? words(a.result) : null,
          varied: label(a.variedOutcome),
          decidedOn: a.decidedOn,
        })),
        open: appeals.find((a) => !a.result)?.id ?? null,
      })),
      grounds: APPEAL_GROUNDS.map((code) => ({
        value: code,
        text: words(code),
        checked: many(form.grounds).includes(code),
      })),
      results: APPEAL_RESULTS.map((code) => ({
        value: code,
        text: RESULT_WORDS[code] ?? words(code),
        checked: one(form.result) === code,
      })),
      outcomeChoices: [
        { value: '', text: 'Choose an outcome', selected: !one(form.variedOutcome) },
        ...OUTCOMES.map((code) => ({
          value: code,
          text: OUTCOME_LABELS[code],
          selected: code === one(form.variedOutcome),
        })),
      ],
    };
  }
}
