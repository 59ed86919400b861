/**
 * Police ranks, as Precedent reads them from free text (subjects' ranks are typed by people: "PC",
 * "ACC", "Assistant Chief Constable") or codes ("assistant_chief_constable"), ordered by seniority.
 * The senior-officer panel rules (docs/domain.md §5) need "more senior than" and "above chief
 * superintendent"; HM Inspectors of Constabulary are offices, not ranks, kept apart.
 */
export type RankCode =
  | 'constable'
  | 'sergeant'
  | 'inspector'
  | 'chief_inspector'
  | 'superintendent'
  | 'chief_superintendent'
  | 'commander'
  | 'assistant_chief_constable'
  | 'deputy_assistant_commissioner'
  | 'deputy_chief_constable'
  | 'chief_constable'
  | 'assistant_commissioner'
  | 'deputy_commissioner'
  | 'commissioner';

export type InspectorateOffice = 'hm_chief_inspector_of_constabulary' | 'hm_inspector_of_constabulary';

/** Higher is more senior; the Met and City ranks sit beside their county equivalents. */
export const RANK_LEVEL: Record<RankCode, number> = {
  constable: 1,
  sergeant: 2,
  inspector: 3,
  chief_inspector: 4,
  superintendent: 5,
  chief_superintendent: 6,
  commander: 7,
  assistant_chief_constable: 7,
  deputy_assistant_commissioner: 8,
  deputy_chief_constable: 8,
  chief_constable: 9,
  assistant_commissioner: 9,
  deputy_commissioner: 10,
  commissioner: 11,
};

const ALIASES: Record<string, RankCode | InspectorateOffice> = {
  pc: 'constable',
  dc: 'constable',
  police_constable: 'constable',
  detective_constable: 'constable',
  ps: 'sergeant',
  ds: 'sergeant',
  detective_sergeant: 'sergeant',
  insp: 'inspector',
  di: 'inspector',
  detective_inspector: 'inspector',
  ci: 'chief_inspector',
  dci: 'chief_inspector',
  detective_chief_inspector: 'chief_inspector',
  supt: 'superintendent',
  dsupt: 'superintendent',
  detective_superintendent: 'superintendent',
  ch_supt: 'chief_superintendent',
  chief_supt: 'chief_superintendent',
  detective_chief_superintendent: 'chief_superintendent',
  cdr: 'commander',
  acc: 'assistant_chief_constable',
  dac: 'deputy_assistant_commissioner',
  dcc: 'deputy_chief_constable',
  cc: 'chief_constable',
  ac: 'assistant_commissioner',
  hmcic: 'hm_chief_inspector_of_constabulary',
  hm_chief_inspector: 'hm_chief_inspector_of_constabulary',
  hmi: 'hm_inspector_of_constabulary',
  hmicfrs: 'hm_inspector_of_constabulary',
  hm_inspector: 'hm_inspector_of_constabulary',
};

const OFFICES = new Set<string>(['hm_chief_inspector_of_constabulary', 'hm_inspector_of_constabulary']);

function key(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[.']/g, '')
    .replace(/[^a-z]+/g, '_')
    .replace(/^_|_$/g, '')
    .replace(/_of_police$/, '');
}

/** The rank a text names, or null when Precedent cannot tell. */
export function rankOf(text: string | null | undefined): RankCode | null {
  if (!text) return null;
  const k = key(text);
  const code = (k in RANK_LEVEL ? k : ALIASES[k]) as string | undefined;
  return code && code in RANK_LEVEL ? (code as RankCode) : null;
}

/** HM Chief Inspector of Constabulary or an HM Inspector, when the text names one. */
export function inspectorateOfficeOf(text: string | null | undefined): InspectorateOffice | null {
  if (!text) return null;
  const k = key(text);
  const code = OFFICES.has(k) ? k : ALIASES[k];
  return code && OFFICES.has(code) ? (code as InspectorateOffice) : null;
}

export type SubjectSeniority = 'not_senior' | 'senior_officer' | 'chief_officer_tier';

/**
 * Senior officers are those above chief superintendent (assistant chief constable, commander and
 * up). Chief officers (chief constables, Commissioners), the Deputy Commissioner and Assistant
 * Commissioners are the top tier, whose hearings HM Chief Inspector or a nominated HM Inspector chairs.
 * A subject recorded with the chief_officer role but an unreadable rank is treated as senior.
 */
export function subjectSeniority(subject: { rank: string | null; role: string }): SubjectSeniority {
  const rank = rankOf(subject.rank);
  if (rank) {
    if (['chief_constable', 'commissioner', 'deputy_commissioner', 'assistant_commissioner'].includes(rank)) {
      return 'chief_officer_tier';
    }
    return RANK_LEVEL[rank] > RANK_LEVEL.chief_superintendent ? 'senior_officer' : 'not_senior';
  }
  return subject.role === 'chief_officer' ? 'senior_officer' : 'not_senior';
}
