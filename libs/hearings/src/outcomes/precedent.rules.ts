import type {
  AggravatingFactor,
  ConductProfile,
  Finding,
  Forum,
  Level,
  MitigatingFactor,
  Outcome,
  PrecedentRecord,
  Regime,
  Stage,
} from '@precedent/exchange';

/** Findings from the most to the least serious: a subject's overall finding is their most serious one. */
const FINDING_ORDER: readonly Finding[] = [
  'gross_misconduct',
  'misconduct',
  'practice_requiring_improvement',
  'not_proven',
];

export function overallFinding(findings: readonly Finding[]): Finding {
  return FINDING_ORDER.find((f) => findings.includes(f)) ?? 'not_proven';
}

export interface PrecedentFacts {
  force: string;
  /** The precedent's opaque reference (precedentRef), kept on the outcome record. */
  ref: string;
  decidedOn: string;
  forum: Forum;
  regime: Regime;
  finding: Finding;
  outcome: Outcome;
  profile: ConductProfile;
  culpability?: Level;
  harm?: Level;
  aggravating: readonly AggravatingFactor[];
  mitigating: readonly MitigatingFactor[];
  stages: readonly { stage: Stage; outcome: Outcome }[];
  /** The panel's exceptional circumstances for an outcome short of a presumed dismissal. */
  exceptionalCircumstances?: string;
  /** Names and numbers of the people in the case, removed from any conduct text. */
  identifiers: readonly string[];
}

/**
 * The reference other forces see for one of this force's precedents: the force and a random token,
 * so it reveals nothing of the case (its reference, its year or how many cases came before it). It
 * is made once, kept on the outcome record and reused whenever the precedent is rewritten (appeal).
 */
export function precedentRef(force: string, token: string): string {
  return `${force}:${token}`;
}

/** The anonymised exchange record of one subject's decided outcome. */
export function precedentRecord(facts: PrecedentFacts): PrecedentRecord {
  return {
    formatVersion: 1,
    ref: facts.ref,
    force: facts.force,
    decidedOn: facts.decidedOn,
    forum: facts.forum,
    subject: { role: facts.profile.subject.role, formerOfficer: facts.profile.subject.formerOfficer },
    conduct: facts.profile.conduct.map((item) => ({
      ...item,
      ...(typeof item.text === 'string' ? { text: redact(item.text, facts.identifiers) } : {}),
    })),
    ...(facts.profile.messageCount !== undefined ? { messageCount: facts.profile.messageCount } : {}),
    standards: facts.profile.standards,
    finding: facts.finding,
    outcome: facts.outcome,
    ...(facts.culpability ? { culpability: facts.culpability } : {}),
    ...(facts.harm ? { harm: facts.harm } : {}),
    aggravating: [...facts.aggravating],
    mitigating: [...facts.mitigating],
    regime: facts.regime,
    ...(facts.stages.length
      ? { stages: facts.stages.map((s) => ({ stage: s.stage, outcome: s.outcome })) }
      : {}),
    ...(facts.exceptionalCircumstances?.trim()
      ? { exceptionalCircumstances: redact(facts.exceptionalCircumstances.trim(), facts.identifiers) }
      : {}),
  };
}

/**
 * Removes each identifier (a full name, each part of it of 3 letters or more, a staff number) from
 * the text, whole words only, case and accents aside. Conduct text is kept because comparables
 * match on wording; the people in it are not.
 */
export function redact(text: string, identifiers: readonly string[]): string {
  const words = new Set<string>();
  for (const id of identifiers) {
    const trimmed = id.trim();
    if (!trimmed) continue;
    words.add(trimmed);
    for (const part of trimmed.split(/\s+/)) if (part.length >= 3 || /\d/.test(part)) words.add(part);
  }
  let out = text;
  // longest first, so a full name is removed before its parts
  for (const word of [...words].sort((a, b) => b.length - a.length)) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'), '[redacted]');
  }
  return out;
}
