import type { Allegation, ConductItem, Subject } from '@precedent/cases';
import type { Posted } from '../case-forms';

/**
 * A subject, allegation or conduct item as its form posts it, so the correction page opens filled
 * in with what is recorded; null when the case has no such part.
 */
export function partValues(
  part: 'subjects' | 'allegations' | 'conduct-items',
  id: string,
  contents: { subjects: Subject[]; allegations: Allegation[]; conductItems: ConductItem[] },
): { posted: Posted; fromEvidence: boolean } | null {
  const yesNo = (value: boolean | null) => (value === null ? undefined : value ? 'yes' : 'no');
  if (part === 'subjects') {
    const s = contents.subjects.find((subject) => subject.id === id);
    return s
      ? {
          fromEvidence: false,
          posted: {
            name: s.name,
            staffNumber: s.staffNumber,
            role: s.role,
            rank: s.rank ?? '',
            force: s.force,
            'serviceStart-day': s.serviceStart ? String(Number(s.serviceStart.slice(8, 10))) : '',
            'serviceStart-month': s.serviceStart ? String(Number(s.serviceStart.slice(5, 7))) : '',
            'serviceStart-year': s.serviceStart ? s.serviceStart.slice(0, 4) : '',
            formerOfficer: s.formerOfficer ? 'yes' : undefined,
          },
        }
      : null;
  }
  if (part === 'allegations') {
    const a = contents.allegations.find((allegation) => allegation.id === id);
    return a
      ? {
          fromEvidence: false,
          posted: { subjectId: a.subjectId, standards: a.standards, description: a.description },
        }
      : null;
  }
  const c = contents.conductItems.find((item) => item.id === id);
  return c
    ? {
        fromEvidence: c.sourceEvidenceId !== null,
        posted: {
          text: c.text,
          platform: c.platform,
          audience: c.audience,
          audienceSize: c.audienceSize === null ? '' : String(c.audienceSize),
          postedAt: c.postedAt ? c.postedAt.toISOString().slice(0, 16) + 'Z' : '',
          url: c.url ?? '',
          categories: c.categories,
          targets: c.targets,
          offDuty: yesNo(c.offDuty),
          identifiableAsPolice: yesNo(c.identifiableAsPolice),
          participation: c.participation,
          messageCount: c.messageCount === null ? '' : String(c.messageCount),
        },
      }
    : null;
}
