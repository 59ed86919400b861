import type { ConductProfile } from '@precedent/exchange';
import type { Allegation } from './allegation.entity';
import type { ConductItem } from './conduct-item.entity';
import type { Subject } from './subject.entity';

/**
 * A case's conduct profile for one subject, in the exchange format's terms, so it can be put beside
 * comparable precedents: the case's conduct items, the Standards alleged against that subject,
 * and the subject's role. Null when there is nothing yet to compare (no subject or no item).
 */
export function caseProfile(
  contents: { subjects: Subject[]; allegations: Allegation[]; conductItems: ConductItem[] },
  subjectId?: string,
): ConductProfile | null {
  const subject = subjectId ? contents.subjects.find((s) => s.id === subjectId) : contents.subjects[0];
  if (!subject || contents.conductItems.length === 0) return null;
  const standards = [
    ...new Set(contents.allegations.filter((a) => a.subjectId === subject.id).flatMap((a) => a.standards)),
  ];
  const messageCount = contents.conductItems.reduce((sum, item) => sum + (item.messageCount ?? 1), 0);
  return {
    subject: { role: subject.role, formerOfficer: subject.formerOfficer },
    conduct: contents.conductItems.map((item) => ({
      platform: item.platform,
      audience: item.audience,
      ...(item.audienceSize !== null ? { audienceSize: item.audienceSize } : {}),
      text: item.text,
      categories: item.categories,
      targets: item.targets,
      ...(item.offDuty !== null ? { offDuty: item.offDuty } : {}),
      ...(item.identifiableAsPolice !== null ? { identifiableAsPolice: item.identifiableAsPolice } : {}),
      participation: item.participation,
    })),
    messageCount,
    standards,
    aggravating: [],
    mitigating: [],
  };
}
