import { Injectable } from '@nestjs/common';
import { ComparablesService } from '@precedent/analytics';
import { CaseContentsService, caseProfile } from '@precedent/cases';
import { FINDINGS } from '@precedent/exchange';
import {
  AGGRAVATING_FACTORS,
  CONDUCT_MITIGATING_FACTORS,
  LEVELS,
  OUTCOME_LABELS,
  OUTCOME_STEPS,
  OUTCOMES,
  OutcomesService,
  PERSONAL_MITIGATING_FACTORS,
  SANCTION_PURPOSES,
  type Outcome,
  type SanctionPurpose,
} from '@precedent/hearings';
import type { Principal } from '@precedent/identity';
import { words } from '../../common/code-words';
import { presentComparables } from '../analytics/comparables.presenter';
import { presentOtherWay } from '../analytics/other-way.presenter';
import { many, one, type Form } from '../hearing-forms';

const PURPOSE_WORDS: Record<SanctionPurpose, string> = {
  public_confidence: 'Maintain public confidence in the police',
  high_standards: 'Uphold high standards in policing',
  protect_public: 'Protect the public',
};

/** What the outcome form needs: the undecided subjects, their allegations, the choices, the comparables. */
@Injectable()
export class HearingDecisionForm {
  constructor(
    private readonly contents: CaseContentsService,
    private readonly outcomes: OutcomesService,
    private readonly comparables: ComparablesService,
  ) {}

  async build(caseId: string, principal: Principal, requestId: string, form: Form) {
    const [contents, decided] = await Promise.all([
      this.contents.contents(caseId, principal, requestId),
      this.outcomes.forCase(caseId, principal, requestId),
    ]);
    const done = new Set(decided.map((d) => d.outcome.subjectId));
    const open = contents.subjects.filter(
      (s) => !done.has(s.id) && contents.allegations.some((a) => a.subjectId === s.id),
    );
    const subject = open.find((s) => s.id === one(form.subjectId)) ?? open[0];
    if (!subject) return { subject: null };
    const profile = caseProfile(contents);
    const proposed = one(form.outcome);
    const proposedOutcome = (OUTCOMES as readonly string[]).includes(proposed) ? (proposed as Outcome) : null;
    const answer = profile
      ? await this.comparables.comparables({
          profile,
          k: 10,
          ...(proposedOutcome ? { proposedOutcome } : {}),
        })
      : null;
    const otherWay = profile
      ? presentOtherWay(
          await this.comparables.otherWay(profile, {
            ...(proposedOutcome ? { referenceStep: OUTCOME_STEPS[proposedOutcome] } : {}),
          }),
        )
      : null;
    const checked = (name: string) => many(form[name]);
    const boxes = (codes: readonly string[], name: string, label = words) =>
      codes.map((code) => ({ value: code, text: label(code), checked: checked(name).includes(code) }));
    const radios = (codes: readonly string[], name: string) =>
      codes.map((code) => ({ value: code, text: words(code), checked: one(form[name]) === code }));
    return {
      subject: { id: subject.id, name: subject.name, role: words(subject.role) },
      others: open.filter((s) => s.id !== subject.id).map((s) => ({ id: s.id, name: s.name })),
      allegations: contents.allegations
        .filter((a) => a.subjectId === subject.id)
        .map((a) => ({
          id: a.id,
          description: a.description,
          standards: a.standards.map(words).join(', '),
          findings: radios(FINDINGS, `finding-${a.id}`),
        })),
      offDuty: contents.conductItems.some((item) => item.offDuty === true),
      outcomes: [
        { value: '', text: 'Choose an outcome', selected: !proposed },
        ...OUTCOMES.map((code) => ({ value: code, text: OUTCOME_LABELS[code], selected: code === proposed })),
      ],
      culpability: radios(LEVELS, 'culpability'),
      harm: radios(LEVELS, 'harm'),
      factorsChosen: checked('aggravating').length + checked('mitigating').length,
      aggravating: boxes(AGGRAVATING_FACTORS, 'aggravating'),
      conductMitigating: boxes(CONDUCT_MITIGATING_FACTORS, 'mitigating'),
      personalMitigating: boxes(PERSONAL_MITIGATING_FACTORS, 'mitigating'),
      purposes: boxes(SANCTION_PURPOSES, 'purposes', (code) => PURPOSE_WORDS[code as SanctionPurpose]),
      departureFactors: boxes(
        [...AGGRAVATING_FACTORS, ...CONDUCT_MITIGATING_FACTORS, ...PERSONAL_MITIGATING_FACTORS],
        'departureFactors',
      ),
      article10: radios(['yes', 'no'], 'article10Engaged').map((item) => ({
        ...item,
        text: item.value === 'yes' ? 'Yes, Article 10 is engaged' : 'No',
      })),
      comparables: answer ? presentComparables(answer, true) : null,
      otherWay,
    };
  }
}
