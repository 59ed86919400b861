import { FINDINGS, type Finding } from '@precedent/exchange';
import {
  AGGRAVATING_FACTORS,
  CONDUCT_MITIGATING_FACTORS,
  DecisionIncompleteError,
  LEVELS,
  OUTCOMES,
  OutcomeNotAllowedError,
  PERSONAL_MITIGATING_FACTORS,
  SANCTION_PURPOSES,
  type AggravatingFactor,
  type Level,
  type MitigatingFactor,
  type Outcome,
  type RecordOutcomeInput,
  type SanctionPurpose,
} from '@precedent/hearings';
import { DomainError } from '@precedent/platform';
import { words } from '../../common/code-words';
import { many, one, type FieldError, type Form } from '../hearing-forms';

/** The form field each service problem belongs to, for the error summary's links. */
const FIELD_IDS: Record<string, string> = {
  culpability: 'culpability',
  harm: 'harm',
  purposes: 'purposes',
  outcomeRationale: 'outcomeRationale',
  personalMitigationWeight: 'personalMitigationWeight',
  reasons: 'reasons',
  exceptionalCircumstances: 'exceptionalCircumstances',
  article10: 'article10',
  'article10.prescribedByLaw': 'prescribedByLaw',
  'article10.legitimateAim': 'legitimateAim',
  'article10.necessityAndProportionality': 'necessityAndProportionality',
  departureFactors: 'departureFactors',
  departureExplanation: 'departureExplanation',
  decidedOn: 'decidedOn',
  notifiedOn: 'notifiedOn',
};
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The outcome form as the outcomes service takes it, for one subject's allegations; or what is
 * missing, in words. The seriousness record's own rules (what a dismissal needs) are the service's.
 */
export function outcomeFromForm(
  body: Form,
  allegations: readonly { id: string; description: string }[],
): { input: RecordOutcomeInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const findings = allegations.map((allegation) => {
    const finding = one(body[`finding-${allegation.id}`]);
    if (!(FINDINGS as readonly string[]).includes(finding)) {
      errors.push({
        text: `Give a finding on: ${allegation.description}`,
        href: `#finding-${allegation.id}`,
      });
    }
    return { allegationId: allegation.id, finding: finding as Finding };
  });
  const outcome = one(body.outcome);
  if (!(OUTCOMES as readonly string[]).includes(outcome)) {
    errors.push({ text: 'Choose the outcome', href: '#outcome' });
  }
  const notifiedOn = one(body.notifiedOn);
  if (!DAY.test(notifiedOn)) {
    errors.push({ text: 'Enter the day the officer was notified, as YYYY-MM-DD', href: '#notifiedOn' });
  }
  const decidedOn = one(body.decidedOn);
  if (decidedOn && !DAY.test(decidedOn)) {
    errors.push({ text: 'Enter the day of the decision as YYYY-MM-DD', href: '#decidedOn' });
  }
  const level = (value: string) =>
    (LEVELS as readonly string[]).includes(value) ? (value as Level) : undefined;
  const text = (name: string) => one(body[name]).trim() || undefined;
  const engaged = one(body.article10Engaged);
  const departureExplanation = text('departureExplanation');
  const departureFactors = many(body.departureFactors);
  const input: RecordOutcomeInput = {
    subjectId: one(body.subjectId),
    findings,
    outcome: outcome as Outcome,
    notifiedOn,
    ...(decidedOn ? { decidedOn } : {}),
    extendedFinalWarning: one(body.extendedFinalWarning) === 'yes',
    finalWrittenWarningLive: one(body.finalWrittenWarningLive) === 'yes',
    decision: {
      culpability: level(one(body.culpability)),
      harm: level(one(body.harm)),
      aggravating: many(body.aggravating).filter((f): f is AggravatingFactor =>
        (AGGRAVATING_FACTORS as readonly string[]).includes(f),
      ),
      mitigating: many(body.mitigating).filter((f): f is MitigatingFactor =>
        [...CONDUCT_MITIGATING_FACTORS, ...PERSONAL_MITIGATING_FACTORS].includes(f as never),
      ),
      purposes: many(body.purposes).filter((p): p is SanctionPurpose =>
        (SANCTION_PURPOSES as readonly string[]).includes(p),
      ),
      outcomeRationale: text('outcomeRationale'),
      personalMitigationWeight: text('personalMitigationWeight'),
      reasons: text('reasons'),
      exceptionalCircumstances: text('exceptionalCircumstances'),
      ...(engaged
        ? {
            article10: {
              engaged: engaged === 'yes',
              prescribedByLaw: text('prescribedByLaw'),
              legitimateAim: text('legitimateAim'),
              necessityAndProportionality: text('necessityAndProportionality'),
            },
          }
        : {}),
    },
    ...(departureFactors.length || departureExplanation
      ? { departure: { factors: departureFactors, explanation: departureExplanation ?? '' } }
      : {}),
  };
  return { input, errors };
}

/** The outcomes service's refusal in the error summary, each linked to its field; null when it is not one. */
export function outcomeRefusal(error: unknown): FieldError[] | null {
  if (error instanceof OutcomeNotAllowedError) return [{ text: error.message, href: '#outcome' }];
  if (error instanceof DecisionIncompleteError) {
    const problems = (error.details?.fields ?? []) as { field: string; message: string }[];
    return problems.map((p) => ({ text: p.message, href: `#${FIELD_IDS[p.field] ?? 'outcome'}` }));
  }
  if (error instanceof DomainError && (error.kind === 'invalid' || error.kind === 'conflict')) {
    const fields = (error.details?.fields ?? []) as { field: string; message: string }[];
    return fields.length
      ? fields.map((f) => ({
          // the outcome's own rules speak in sentences; older ones give a phrase after the field
          text: /^[A-Z]/.test(f.message) ? f.message : `${words(f.field)} ${f.message}`,
          href: `#${FIELD_IDS[f.field] ?? 'outcome'}`,
        }))
      : [{ text: error.message, href: '#outcome' }];
  }
  return null;
}
