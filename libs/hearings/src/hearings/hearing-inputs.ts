// What the hearing services take from a caller (the API's DTOs and the web forms map onto these).

export interface SpecialConditionsInput {
  /** The senior officer who certified the special conditions (reg 49): their account, pool entry, or both. */
  certifiedByUserId?: string;
  certifiedByPanelMemberId?: string;
  /** The chief officer is an interested party: the chair is another force's chief officer or a Met AC. */
  chiefOfficerInterestedParty?: boolean;
}

export interface CreateHearingInput extends SpecialConditionsInput {
  caseId: string;
  /** The day the reg 30 documents (or the reg 51 notice) reached the officer. */
  documentsSuppliedOn: string;
}

export interface HearingDateInput {
  date: string;
  startsAt?: string;
  /** Expected length; absent: the forum's default (DEFAULT_DURATION_MINUTES). */
  durationMinutes?: number;
  venue?: string;
  remoteLink?: string;
  /** A meeting after its reg 34 time limit: why the interests of justice require it. */
  extensionReason?: string;
}

export interface PreHearingInput {
  /** reg 33: the day the documents reached the chair; required the first time. */
  chairDocumentsSuppliedOn?: string;
  date: string;
  startsAt?: string;
  /** A date after the reg 33(1)(a) window: why the chair extends it. */
  extensionReason?: string;
}

export interface AlternativeDateInput {
  date: string;
  startsAt?: string;
}
