import { presumptionOfDismissalProblem } from '@precedent/cases';
import type { Finding, Outcome } from '../outcomes/outcome';
import {
  AggravatingFactor,
  Level,
  MitigatingFactor,
  PERSONAL_MITIGATING_FACTORS,
  SanctionPurpose,
} from './seriousness-factors';

/**
 * A panel's decision in the stages the courts expect (docs/domain.md §9.1; Fuglers, Roscoe, Salter):
 * seriousness, the purpose of the sanction, why this outcome, and personal mitigation last.
 */
export interface DecisionRecord {
  culpability?: Level;
  harm?: Level;
  aggravating: readonly AggravatingFactor[];
  mitigating: readonly MitigatingFactor[];
  purposes: readonly SanctionPurpose[];
  /** Why this outcome, and why a less severe one would not do. */
  outcomeRationale?: string;
  /** How much weight personal mitigation was given, and why; required when any was raised. */
  personalMitigationWeight?: string;
  reasons?: string;
  /**
   * Gross misconduct proven from 28 May 2025 presumes dismissal: the panel's exceptional
   * circumstances for any lesser outcome (law/amendments.rules).
   */
  exceptionalCircumstances?: string;
  /** Off-duty speech: the Article 10 balancing (docs/domain.md §10, §18). */
  article10?: {
    engaged: boolean;
    prescribedByLaw?: string;
    legitimateAim?: string;
    necessityAndProportionality?: string;
  };
}

export interface DecisionContext {
  outcome: Outcome;
  /** The subject's overall finding and the day decided: the presumption of dismissal reads them. */
  finding?: Finding;
  decidedOn?: string;
  offDutySpeech: boolean;
  /** Set when comparable precedents put this outcome outside their band. */
  outsideComparableBand: boolean;
  /** The factors the panel says justify departing from the comparables' band. */
  departureFactors?: readonly string[];
  departureExplanation?: string;
}

export interface DecisionProblem {
  field: string;
  rule: string;
  message: string;
}

const MIN_RATIONALE = 40;

/** Every missing stage of the decision, named with its field, so the form can show them all at once. */
export function decisionProblems(record: DecisionRecord, context: DecisionContext): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const need = (field: string, rule: string, message: string) => problems.push({ field, rule, message });
  const sanction = context.outcome !== 'no_further_action';

  if (sanction) {
    if (!record.culpability)
      need(
        'culpability',
        'seriousness',
        'Assess culpability (low, medium or high) before choosing an outcome.',
      );
    if (!record.harm)
      need('harm', 'seriousness', 'Assess harm (low, medium or high) before choosing an outcome.');
    if (record.purposes.length === 0) {
      need(
        'purposes',
        'purpose',
        'Say which purpose of a sanction this outcome serves: public confidence, high standards, protecting the public.',
      );
    }
    if ((record.outcomeRationale?.trim().length ?? 0) < MIN_RATIONALE) {
      need(
        'outcomeRationale',
        'why_this_outcome',
        'Explain why this outcome, and why a less severe one would not deal adequately with the conduct.',
      );
    }
  }
  const personal = record.mitigating.filter((f) =>
    (PERSONAL_MITIGATING_FACTORS as readonly string[]).includes(f),
  );
  if (personal.length > 0 && !record.personalMitigationWeight?.trim()) {
    need(
      'personalMitigationWeight',
      'personal_mitigation_last',
      'Personal mitigation was raised: record the (necessarily limited) weight given to it, after choosing the outcome on seriousness.',
    );
  }
  if (!record.reasons?.trim())
    need('reasons', 'reasons', 'Record the reasons; they are usually read out in public.');
  if (context.finding && context.decidedOn) {
    const presumption = presumptionOfDismissalProblem({
      finding: context.finding,
      outcome: context.outcome,
      decidedOn: context.decidedOn,
      exceptionalCircumstances: record.exceptionalCircumstances,
    });
    if (presumption) need('exceptionalCircumstances', 'presumption_of_dismissal', presumption);
  }
  if (context.offDutySpeech) {
    const a10 = record.article10;
    if (!a10) {
      need('article10', 'article_10', 'This is off-duty speech: record the Article 10 balancing.');
    } else if (a10.engaged) {
      if (!a10.prescribedByLaw?.trim())
        need('article10.prescribedByLaw', 'article_10', 'Say how the restriction is prescribed by law.');
      if (!a10.legitimateAim?.trim())
        need('article10.legitimateAim', 'article_10', 'Name the legitimate aim pursued.');
      if (!a10.necessityAndProportionality?.trim()) {
        need(
          'article10.necessityAndProportionality',
          'article_10',
          'Explain why the sanction is necessary and proportionate.',
        );
      }
    }
  }
  if (context.outsideComparableBand) {
    if (!context.departureFactors?.length) {
      need(
        'departureFactors',
        'departure',
        'The outcome falls outside the band of comparable precedents: name the factors that justify the departure.',
      );
    }
    if (!context.departureExplanation?.trim()) {
      need('departureExplanation', 'departure', 'Explain the departure from comparable precedents.');
    }
  }
  return problems;
}
