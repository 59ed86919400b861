import type { PublicationDecisionInput, PublicationStage } from '@precedent/hearings';
import { one, type Form, type FormError } from './form-fields';

export const STAGE_ITEMS: { value: PublicationStage; text: string; hint: string }[] = [
  {
    value: 'notice',
    text: 'The notice of the hearing',
    hint: 'Shown from today until the hearing has been held',
  },
  {
    value: 'outcome',
    text: 'The outcome report',
    hint: 'Shown from today for the publication period, once the outcome is recorded',
  },
];

const YES_NO = ['yes', 'no'];

/** The chair's publication form: which officer and stage, what is shown, the public words, and why anything is withheld. */
export function publicationFormErrors(body: Form): { value: PublicationDecisionInput; errors: FormError[] } {
  const errors: FormError[] = [];
  const subjectId = one(body.subjectId).trim();
  const stage = one(body.stage) as PublicationStage;
  const [publish, showOfficerName, showRank] = ['publish', 'showOfficerName', 'showRank'].map((f) =>
    one(body[f]),
  );
  if (!subjectId) errors.push({ text: 'Choose the officer', href: '#subjectId' });
  if (!STAGE_ITEMS.some((item) => item.value === stage))
    errors.push({ text: 'Choose the notice or the outcome report', href: '#stage' });
  if (!YES_NO.includes(publish)) errors.push({ text: 'Say whether anything is published', href: '#publish' });
  if (publish === 'yes') {
    if (!YES_NO.includes(showOfficerName))
      errors.push({ text: "Say whether the officer's name is published", href: '#showOfficerName' });
    if (!YES_NO.includes(showRank))
      errors.push({ text: "Say whether the officer's rank is published", href: '#showRank' });
  }
  return {
    value: {
      subjectId,
      stage,
      publish: publish === 'yes',
      showOfficerName: showOfficerName === 'yes',
      showRank: showRank === 'yes',
      conduct: one(body.conduct).trim(),
      outcomeSummary: one(body.outcomeSummary).trim(),
      withheldOther: one(body.withheldOther).trim(),
      reasons: one(body.reasons).trim(),
    },
    errors,
  };
}
