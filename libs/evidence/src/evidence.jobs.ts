/** The evidence context's background work: processing of uploaded items. */
export const EVIDENCE_QUEUE = 'evidence';

/** Integrity checks of every stored item: a queue of its own, so a long check never delays processing. */
export const EVIDENCE_INTEGRITY_QUEUE = 'evidence-integrity';

/** Every night at 02:00 London time, all items are re-hashed. */
export const EVIDENCE_VERIFY_SCHEDULE = {
  id: 'evidence-verify-all',
  pattern: '0 2 * * *',
  tz: 'Europe/London',
};

export enum EvidenceJob {
  Process = 'process',
  VerifyAll = 'verify-all',
}

export interface EvidenceJobData {
  [EvidenceJob.Process]: { evidenceId: string };
  [EvidenceJob.VerifyAll]: Record<string, never>;
}
