import {
  AUDIENCES,
  CATEGORIES,
  FORCES,
  PARTICIPATION,
  PLATFORMS,
  STANDARDS,
  SUBJECT_ROLES,
  TARGETS,
} from '@precedent/cases';
import { SEVERITIES } from '../../cases/case-commands.dto';
import { words } from '../../common/code-words';
import { choices, one, type Posted } from '../case-forms';
import { dateItems } from './date-input';

export type CaseFormName = 'subject' | 'allegation' | 'conduct' | 'assessment';

/** The choices of the case page's forms, in words, with what was posted kept when a form comes back. */
export function caseFormOptions(
  values: (name: CaseFormName) => Posted,
  subjects: readonly { id: string; name: string }[],
) {
  const subject = values('subject');
  const allegation = values('allegation');
  const conduct = values('conduct');
  const assessment = values('assessment');
  return {
    roles: choices(SUBJECT_ROLES, subject.role, words, 'selected', 'Choose a role'),
    forces: choices(
      FORCES.map((force) => force.code),
      subject.force,
      (code) => FORCES.find((force) => force.code === code)?.name ?? code,
      'selected',
      'Choose a force',
    ),
    serviceStart: dateItems(
      {
        day: one(subject['serviceStart-day']),
        month: one(subject['serviceStart-month']),
        year: one(subject['serviceStart-year']),
      },
      false,
    ),
    postedAt: dateItems(
      {
        day: one(conduct['postedAt-day']),
        month: one(conduct['postedAt-month']),
        year: one(conduct['postedAt-year']),
      },
      false,
    ),
    formerOfficer: choices(['yes'], subject.formerOfficer, () => 'They have left the service', 'checked'),
    subjects: [
      { value: '', text: 'Choose a subject', selected: !one(allegation.subjectId) },
      ...subjects.map((s) => ({ value: s.id, text: s.name, selected: s.id === one(allegation.subjectId) })),
    ],
    standards: choices(STANDARDS, allegation.standards, words, 'checked'),
    platforms: choices(PLATFORMS, conduct.platform, words, 'selected', 'Choose a platform'),
    audiences: choices(AUDIENCES, conduct.audience, words, 'selected', 'Choose who could see it'),
    categories: choices(CATEGORIES, conduct.categories, words, 'checked'),
    targets: choices(TARGETS, conduct.targets, words, 'checked'),
    participation: choices(PARTICIPATION, conduct.participation ?? 'author', words, 'selected'),
    offDuty: choices(['yes', 'no'], conduct.offDuty, (v) => (v === 'yes' ? 'Yes' : 'No'), 'checked'),
    identifiable: choices(
      ['yes', 'no'],
      conduct.identifiableAsPolice,
      (v) => (v === 'yes' ? 'Yes' : 'No'),
      'checked',
    ),
    severities: choices(SEVERITIES, assessment.severity, words, 'checked'),
  };
}
