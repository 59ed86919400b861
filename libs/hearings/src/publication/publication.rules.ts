import {
  outcomePublicationPeriod,
  DEFAULT_TIME_LIMITS,
  type TimeLimits,
} from '../scheduling/time-limit.rules';
import type { WorkingDays } from '../scheduling/notice-period.rules';
import type { Forum } from '../outcomes/outcome';
import type { PublicationStage } from './publication-decision.entity';

/** What the chair decides to show of one stage (the notice, or the outcome report) of a public hearing. */
export interface PublicationChoice {
  stage: PublicationStage;
  publish: boolean;
  showOfficerName: boolean;
  showRank: boolean;
  /** The conduct alleged, in public wording. */
  conduct?: string;
  /** The outcome report's summary of findings and reasons, in public wording. */
  outcomeSummary?: string;
  withheldOther?: string;
  reasons?: string;
}

/** What must never reach a public page, whatever the chair writes. */
export interface PrivateFacts {
  officerName: string;
  staffNumber: string;
  caseReference: string;
  reporterName: string | null;
  reporterContact: string | null;
}

export interface PublicationProblem {
  field: 'conduct' | 'outcomeSummary' | 'reasons';
  message: string;
}

const FORUM_WORDS: Record<Forum, string> = {
  misconduct_meeting: 'Misconduct meeting',
  misconduct_hearing: 'Misconduct hearing',
  accelerated_hearing: 'Accelerated misconduct hearing',
};

export function forumWords(forum: Forum): string {
  return FORUM_WORDS[forum];
}

/** What the decision withholds, named: the officer's name and rank when hidden, and anything else the chair named. */
export function withheldItems(choice: PublicationChoice): string[] {
  if (!choice.publish) return ['everything'];
  return [
    ...(choice.showOfficerName ? [] : ['officer_name']),
    ...(choice.showRank ? [] : ['officer_rank']),
    ...(choice.withheldOther?.trim() ? ['other'] : []),
  ];
}

/** Does `text` contain `needle` as a whole word or run of words, case aside? */
function mentions(text: string, needle: string | null): boolean {
  const wanted = needle?.trim();
  if (!wanted || wanted.length < 3) return false;
  const escaped = wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Words of a rank that come before a name ("PC", "Det Sgt"): they name no one. */
const RANK_WORDS = new Set([
  'pc',
  'dc',
  'ds',
  'di',
  'sgt',
  'insp',
  'supt',
  'det',
  'ch',
  'chief',
  'acting',
  'pcso',
  'constable',
  'sergeant',
  'inspector',
  'superintendent',
  'detective',
  'special',
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
]);

/** The full name and each part of it that could identify the officer alone (a surname, a first name). */
function nameParts(name: string): string[] {
  const parts = name
    .split(/[\s.]+/)
    .filter((part) => part.length >= 3 && !RANK_WORDS.has(part.toLowerCase()));
  return [name, ...parts];
}

/**
 * Problems with a publication decision, in words for the chair. The public wording may not carry the
 * staff number, the case reference or the reporter's details, nor the officer's name when it is withheld.
 */
export function publicationProblems(choice: PublicationChoice, facts: PrivateFacts): PublicationProblem[] {
  const problems: PublicationProblem[] = [];
  if (withheldItems(choice).length > 0 && !choice.reasons?.trim()) {
    problems.push({
      field: 'reasons',
      message: choice.publish
        ? 'Give the reasons for withholding what is not published'
        : 'Give the reasons for publishing nothing',
    });
  }
  if (!choice.publish) return problems;
  const texts: [PublicationProblem['field'], string | undefined, string][] = [
    ['conduct', choice.conduct, 'the conduct alleged'],
  ];
  if (choice.stage === 'outcome') {
    texts.push(['outcomeSummary', choice.outcomeSummary, 'the summary of the outcome']);
  }
  for (const [field, text, words] of texts) {
    if (!text?.trim()) {
      problems.push({ field, message: `Enter ${words} as the public will read it` });
      continue;
    }
    const leaks: [boolean, string][] = [
      [mentions(text, facts.staffNumber), "the officer's staff number"],
      [mentions(text, facts.caseReference), 'the case reference'],
      [mentions(text, facts.reporterName), "the reporter's name"],
      [mentions(text, facts.reporterContact), "the reporter's contact details"],
      [
        !choice.showOfficerName && nameParts(facts.officerName).some((part) => mentions(text, part)),
        "the withheld officer's name",
      ],
    ];
    for (const [leaked, what] of leaks) {
      if (leaked) problems.push({ field, message: `Remove ${what} from ${words}: it is not published` });
    }
  }
  return problems;
}

/**
 * When an entry is shown. A hearing notice from the day it is decided until the working day after the
 * hearing (as the notice plan takes it down); an outcome report from the day it is decided (a working
 * day) for not less than the publication period (reg 43(7)).
 */
export function publicationWindow(
  stage: PublicationStage,
  decidedOn: string,
  hearingOn: string,
  calendar: WorkingDays,
  limits: TimeLimits = DEFAULT_TIME_LIMITS,
): { publishFrom: string; removeOn: string } {
  if (stage === 'notice') {
    return { publishFrom: decidedOn, removeOn: calendar.addWorkingDays(hearingOn, 1) };
  }
  const { publishOn, removeOn } = outcomePublicationPeriod(decidedOn, calendar, limits);
  return { publishFrom: publishOn, removeOn };
}

/** Is an entry on the public site today? Its window, and not withdrawn. */
export function isShowing(
  entry: { publishFrom: string; removeOn: string; withdrawnAt: Date | null },
  today: string,
): boolean {
  return entry.withdrawnAt === null && entry.publishFrom <= today && today < entry.removeOn;
}
