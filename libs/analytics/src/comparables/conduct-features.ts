import {
  AGGRAVATING_FACTORS,
  AUDIENCES,
  CATEGORIES,
  LEVELS,
  MITIGATING_FACTORS,
  PARTICIPATION,
  PLATFORMS,
  SUBJECT_ROLES,
  TARGETS,
  type ConductProfile,
  type Level,
} from '@precedent/exchange';
import { textFingerprint } from '../text/text-matching.rules';

/**
 * The comparable features of a conduct profile, coded as small integers so a million precedents
 * fit in typed arrays and compare by table look-up. Sets are bit masks over the exchange format's
 * value lists (whose order is fixed by format version 1); ordered values are ranks.
 */
export interface ConductFeatures {
  categoryMask: number;
  targetMask: number;
  /** The widest reach among the items: 0 public … 3 direct message. */
  audienceRank: number;
  identifiable: boolean;
  platformMask: number;
  /** The subject's strongest part: 0 author, 1 shared, 2 reacted, 3 failed to challenge. */
  participation: number;
  role: number;
  formerOfficer: boolean;
  /** Aggravating factors in bits 0–12, mitigating in bits 13–21. */
  factorMask: number;
  /** 0 unknown, 1 low, 2 medium, 3 high. */
  culpability: number;
  harm: number;
  /** log2 of the number of messages, 0–7. */
  messageBucket: number;
  /** log4 of the audience reached, 0–7; -1 when no item gives a size. */
  sizeBucket: number;
  /** The SimHash of all the items' text, or null when no text was shared. */
  fingerprint: Int32Array | null;
}

export const MITIGATING_SHIFT = AGGRAVATING_FACTORS.length;
const MAX_BUCKET = 7;

export function conductFeatures(profile: ConductProfile): ConductFeatures {
  let categoryMask = 0;
  let targetMask = 0;
  let platformMask = 0;
  let audienceRank = AUDIENCES.length - 1;
  let participation = PARTICIPATION.length - 1;
  let identifiable = false;
  let sizeKnown = false;
  let size = 0;
  const texts: string[] = [];
  for (const item of profile.conduct) {
    for (const category of item.categories) categoryMask |= 1 << CATEGORIES.indexOf(category);
    for (const target of item.targets) targetMask |= 1 << TARGETS.indexOf(target);
    platformMask |= 1 << PLATFORMS.indexOf(item.platform);
    audienceRank = Math.min(audienceRank, AUDIENCES.indexOf(item.audience));
    participation = Math.min(participation, PARTICIPATION.indexOf(item.participation));
    identifiable ||= item.identifiableAsPolice === true;
    if (item.audienceSize !== undefined) {
      sizeKnown = true;
      size += item.audienceSize;
    }
    if (item.text) texts.push(item.text);
  }
  let factorMask = 0;
  for (const factor of profile.aggravating) factorMask |= 1 << AGGRAVATING_FACTORS.indexOf(factor);
  for (const factor of profile.mitigating)
    factorMask |= 1 << (MITIGATING_SHIFT + MITIGATING_FACTORS.indexOf(factor));
  const messages = Math.max(1, profile.messageCount ?? profile.conduct.length);
  return {
    categoryMask,
    targetMask,
    audienceRank,
    identifiable,
    platformMask,
    participation,
    role: SUBJECT_ROLES.indexOf(profile.subject.role),
    formerOfficer: profile.subject.formerOfficer,
    factorMask,
    culpability: levelCode(profile.culpability),
    harm: levelCode(profile.harm),
    messageBucket: Math.min(MAX_BUCKET, Math.floor(Math.log2(messages))),
    sizeBucket: sizeKnown ? Math.min(MAX_BUCKET, Math.floor(Math.log2(size + 1) / 2)) : -1,
    fingerprint: textFingerprint(texts.join('\n')),
  };
}

function levelCode(level: Level | undefined): number {
  return level ? LEVELS.indexOf(level) + 1 : 0;
}
