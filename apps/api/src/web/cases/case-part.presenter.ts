import type { Allegation, ConductItem, Subject } from '@precedent/cases';
import type { Posted } from '../case-forms';
import { postedAtParts } from './posted-at';

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
          ...postedAtParts(c.postedAt),
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

/**
 * What removing a subject, allegation or conduct item takes away, in a sentence for the page that
 * asks to confirm it; null when the case has no such part.
 */
export function partToRemove(
  part: 'subjects' | 'allegations' | 'conduct-items',
  id: string,
  contents: { subjects: Subject[]; allegations: Allegation[]; conductItems: ConductItem[] },
): { heading: string; what: string } | null {
  const short = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);
  if (part === 'subjects') {
    const s = contents.subjects.find((subject) => subject.id === id);
    return s
      ? { heading: `Remove ${s.name} from the case?`, what: `${s.name}, staff number ${s.staffNumber}.` }
      : null;
  }
  if (part === 'allegations') {
    const at = contents.allegations.findIndex((allegation) => allegation.id === id);
    if (at < 0) return null;
    const a = contents.allegations[at];
    const against = contents.subjects.find((subject) => subject.id === a.subjectId)?.name;
    return {
      heading: 'Remove this allegation?',
      what: `${against ? `Against ${against}: ` : ''}“${short(a.description)}”`,
    };
  }
  const at = contents.conductItems.findIndex((item) => item.id === id);
  if (at < 0) return null;
  return {
    heading: `Remove conduct item ${at + 1}?`,
    what: `“${short(contents.conductItems[at].text)}”`,
  };
}
