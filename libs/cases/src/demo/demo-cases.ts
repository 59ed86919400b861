import { addDays, format, parseISO } from 'date-fns';
import seedrandom from 'seedrandom';
import {
  AUDIENCES,
  FORCES,
  PARTICIPATION,
  PLATFORMS,
  type Audience,
  type Category,
  type Participation,
  type Platform,
  type Standard,
  type SubjectRole,
  type Target,
} from '../conduct/exchange-values';
import type { CaseStatus, Severity } from '../cases/case-lifecycle.rules';
import type { IntakeSource } from '../cases/intake-source';

/**
 * Fictional cases for the demo and the benchmark: seeded, so the same seed gives the same cases. Each
 * case reaches its status along a path the lifecycle allows, with a severity that path needs, and
 * uses the exchange format's values for its subjects, allegations and conduct items.
 */
export interface DemoCase {
  source: IntakeSource;
  receivedAt: string;
  cameToAttentionOn: string;
  summary: string;
  restricted: boolean;
  status: CaseStatus;
  severity: Severity | null;
  /** The transitions that brought it to its status, each with its day. */
  path: { to: CaseStatus; on: string }[];
  reporter: { name: string; contact: string } | null;
  authorisation: { authorisedBy: string; authorisedAt: string; justification: string } | null;
  subjects: {
    name: string;
    staffNumber: string;
    role: SubjectRole;
    rank: string;
    force: string;
    serviceStart: string;
    formerOfficer: boolean;
  }[];
  allegations: { subject: number; standards: Standard[]; description: string }[];
  conductItems: {
    platform: Platform;
    audience: Audience;
    audienceSize: number;
    text: string;
    postedAt: string;
    categories: Category[];
    targets: Target[];
    offDuty: boolean;
    identifiableAsPolice: boolean;
    participation: Participation;
    messageCount: number;
  }[];
}

/** The path to each status, and the severity it needs (case-lifecycle.rules). */
export const DEMO_PATHS: Record<CaseStatus, { path: CaseStatus[]; severity: Severity | null }> = {
  received: { path: [], severity: null },
  iopc_referral_hold: { path: ['iopc_referral_hold'], severity: null },
  assessed: { path: ['assessed'], severity: 'misconduct' },
  investigating: { path: ['assessed', 'investigating'], severity: 'gross_misconduct' },
  no_case_to_answer: { path: ['assessed', 'investigating', 'no_case_to_answer'], severity: 'misconduct' },
  reflective_practice: {
    path: ['assessed', 'investigating', 'reflective_practice'],
    severity: 'practice_requiring_improvement',
  },
  referred_to_meeting: { path: ['assessed', 'investigating', 'referred_to_meeting'], severity: 'misconduct' },
  referred_to_hearing: {
    path: ['assessed', 'investigating', 'referred_to_hearing'],
    severity: 'gross_misconduct',
  },
  referred_to_accelerated_hearing: {
    path: ['assessed', 'referred_to_accelerated_hearing'],
    severity: 'gross_misconduct',
  },
  hearing_scheduled: {
    path: ['assessed', 'investigating', 'referred_to_hearing', 'hearing_scheduled'],
    severity: 'gross_misconduct',
  },
  decided: {
    path: ['assessed', 'investigating', 'referred_to_hearing', 'hearing_scheduled', 'decided'],
    severity: 'gross_misconduct',
  },
  appeal: {
    path: ['assessed', 'investigating', 'referred_to_meeting', 'hearing_scheduled', 'decided', 'appeal'],
    severity: 'misconduct',
  },
  closed: {
    path: ['assessed', 'investigating', 'referred_to_meeting', 'hearing_scheduled', 'decided', 'closed'],
    severity: 'misconduct',
  },
  withdrawn: { path: ['assessed', 'investigating', 'withdrawn'], severity: 'misconduct' },
};

const FIRST = [
  'Alex',
  'Sam',
  'Jo',
  'Chris',
  'Jordan',
  'Casey',
  'Robin',
  'Morgan',
  'Taylor',
  'Jamie',
  'Drew',
  'Kit',
];
const LAST = ['Fictional', 'Example', 'Sample', 'Placeholder', 'Madeup', 'Notreal', 'Invented', 'Testcase'];
const ROLES: [SubjectRole, string][] = [
  ['constable', 'PC'],
  ['constable', 'PC'],
  ['constable', 'DC'],
  ['sergeant', 'PS'],
  ['inspector', 'Insp'],
  ['pcso', 'PCSO'],
  ['police_staff', 'Staff'],
  ['special_constable', 'SC'],
];
const SOURCES: IntakeSource[] = [
  'line_manager',
  'psd_direct',
  'anonymous',
  'national_reporting_service',
  'proactive_monitoring',
  'criminal_investigation',
  'public_complaint',
  'other_force',
];
/** Themes: what the conduct was, the categories and targets it carries, the Standards alleged. */
const THEMES: {
  about: string;
  says: string[];
  categories: Category[];
  targets: Target[];
  standards: Standard[];
}[] = [
  {
    about: 'racist remarks about a family stopped on patrol',
    says: ['made a fictional slur about the family', 'joked about where the family "should go back to"'],
    categories: ['discriminatory'],
    targets: ['race'],
    standards: ['equality_and_diversity', 'discreditable_conduct'],
  },
  {
    about: 'misogynistic comments about a colleague',
    says: ['rated a colleague’s appearance', 'said women should not be on response'],
    categories: ['discriminatory', 'sexual'],
    targets: ['sex'],
    standards: ['equality_and_diversity', 'authority_respect_and_courtesy'],
  },
  {
    about: 'mocking a vulnerable person in custody',
    says: ['shared a joke about a detainee in crisis', 'posted a mocking caption about a call-out'],
    categories: ['mocking_victims_or_public'],
    targets: ['disability'],
    standards: ['authority_respect_and_courtesy', 'discreditable_conduct'],
  },
  {
    about: 'a photograph of a police system shared outside the force',
    says: ['shared a screenshot of an incident log', 'posted a custody record photo to friends'],
    categories: ['disclosure_of_police_information'],
    targets: [],
    standards: ['confidentiality', 'discreditable_conduct'],
  },
  {
    about: 'abusive replies to a member of the public online',
    says: ['swore at a critic in the replies', 'told a complainant to "get a life"'],
    categories: ['abusive_or_offensive'],
    targets: [],
    standards: ['authority_respect_and_courtesy', 'discreditable_conduct'],
  },
  {
    about: 'partisan posts while identifiable as an officer',
    says: ['posted campaign slogans in uniform', 'endorsed a candidate from a police account'],
    categories: ['political_or_partisan'],
    targets: [],
    standards: ['discreditable_conduct', 'orders_and_instructions'],
  },
  {
    about: 'homophobic jokes in a group chat',
    says: ['shared a homophobic meme', 'made a fictional slur about a gay colleague'],
    categories: ['discriminatory'],
    targets: ['sexual_orientation'],
    standards: ['equality_and_diversity'],
  },
  {
    about: 'threatening messages to an ex-partner',
    says: ['sent a threatening voice note', 'said they could "find out where you live"'],
    categories: ['violent_or_threatening'],
    targets: [],
    standards: ['discreditable_conduct', 'honesty_and_integrity'],
  },
  {
    about: 'failing to challenge offensive posts in a team group',
    says: ['reacted to an offensive post without challenge', 'stayed silent as slurs were shared'],
    categories: ['abusive_or_offensive'],
    targets: ['religion_belief'],
    standards: ['challenging_and_reporting_improper_conduct'],
  },
];
const PLACES = [
  'the team WhatsApp group',
  'a public Facebook post',
  'an Instagram story',
  'a Snapchat group',
  'X',
];

/**
 * Statuses whose time limit runs from the day they were reached (case-deadlines.rules), with how many
 * calendar days back that day may lie and the limit still run: 5 working days for reflective practice
 * and the chair's report, 15 for an accelerated hearing, 20 for a meeting.
 */
const RUNNING_WITHIN_DAYS: Partial<Record<CaseStatus, number>> = {
  reflective_practice: 4,
  decided: 4,
  referred_to_accelerated_hearing: 12,
  referred_to_meeting: 20,
};

/** `count` fictional cases received up to `today`, each status in turn so every one is present. */
export function demoCases(count: number, options: { seed: string; today: string }): DemoCase[] {
  const random = seedrandom(options.seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const day = (from: string, days: number) => format(addDays(parseISO(from), days), 'yyyy-MM-dd');
  const statuses = Object.keys(DEMO_PATHS) as CaseStatus[];
  const territorial = FORCES.filter((f) => f.kind === 'territorial');

  return Array.from({ length: count }, (_, i) => {
    const status = statuses[i % statuses.length];
    const { path, severity } = DEMO_PATHS[status];
    // open early statuses are recent; later ones go back up to two and a half years
    // a case still awaiting assessment arrived in the last few days (its IOPC referral is due in one working day)
    const ageDays =
      status === 'received'
        ? i % 5 === 4
          ? int(3, 10)
          : 0
        : int(20 + path.length * 30, 120 + path.length * 140);
    const receivedAt = day(options.today, -ageDays);
    const cameToAttentionOn = random() < 0.2 ? day(receivedAt, -int(1, 20)) : receivedAt;
    const steps: { to: CaseStatus; on: string }[] = [];
    let on = receivedAt;
    for (const to of path) {
      on = day(on, int(3, Math.max(4, Math.floor(ageDays / (path.length + 1)))));
      steps.push({ to, on: on > options.today ? options.today : on });
    }
    // a status with its own time limit was reached recently, so its limit is mostly still running;
    // one case in five is left late, so a few are overdue as in a real department
    const recent = RUNNING_WITHIN_DAYS[status];
    if (recent !== undefined && steps.length && i % 5 !== 4) {
      const last = steps[steps.length - 1];
      const before = steps[steps.length - 2]?.on ?? receivedAt;
      const lately = day(options.today, -int(0, recent));
      last.on = lately > before ? lately : before;
    }
    const theme = status === 'iopc_referral_hold' ? THEMES[0] : pick(THEMES);
    const source = pick(SOURCES);
    const force = pick(territorial).code;
    const subjectCount = random() < 0.2 ? 2 : 1;
    const subjects = Array.from({ length: subjectCount }, () => {
      const [role, rank] = pick(ROLES);
      return {
        name: `${rank} ${pick(FIRST)} ${pick(LAST)}`,
        staffNumber: String(int(1000, 99999)),
        role,
        rank,
        force,
        serviceStart: day(receivedAt, -int(365, 365 * 25)),
        formerOfficer: random() < 0.05,
      };
    });
    const place = pick(PLACES);
    const conductItems = Array.from({ length: int(1, 4) }, () => {
      const platform = place.includes('WhatsApp')
        ? 'whatsapp'
        : place.includes('Facebook')
          ? 'facebook'
          : place.includes('Instagram')
            ? 'instagram'
            : place.includes('Snapchat')
              ? 'snapchat'
              : pick(PLATFORMS);
      const audience: Audience =
        platform === 'whatsapp' || platform === 'snapchat' ? 'private_group' : pick(AUDIENCES);
      return {
        platform,
        audience,
        audienceSize: audience === 'public' ? int(200, 20000) : int(3, 60),
        text: `Fictional demo text ${i + 1}: the subject ${pick(theme.says)} in ${place} (${pick(['late evening', 'after a night shift', 'on a rest day', 'during a briefing'])}).`,
        postedAt: `${day(receivedAt, -int(1, 60))}T${String(int(7, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:00Z`,
        categories: theme.categories,
        targets: theme.targets,
        offDuty: random() < 0.7,
        identifiableAsPolice: random() < 0.5,
        participation: random() < 0.7 ? ('author' as const) : pick(PARTICIPATION),
        messageCount: int(1, 6),
      };
    });
    return {
      source,
      receivedAt,
      cameToAttentionOn,
      summary: `Fictional demo case: ${theme.about}, reported through ${source.replace(/_/g, ' ')}.`,
      restricted: random() < 0.05,
      status,
      severity,
      path: steps,
      reporter:
        source === 'line_manager' || source === 'public_complaint'
          ? { name: `${pick(FIRST)} ${pick(LAST)}`, contact: `reporter${i + 1}@example.invalid` }
          : null,
      authorisation:
        source === 'proactive_monitoring'
          ? {
              authorisedBy: `Det Supt ${pick(FIRST)} ${pick(LAST)}`,
              authorisedAt: day(receivedAt, -int(1, 10)),
              justification:
                'Fictional: intelligence of discriminatory posts by an identifiable officer; public posts only, 28 days.',
            }
          : null,
      subjects,
      allegations: subjects.map((_, subject) => ({
        subject,
        standards: theme.standards,
        description: `Fictional: ${theme.about}.`,
      })),
      conductItems,
    };
  });
}
