/** The audit context's background work: checking the chain, and anchoring its head outside the database. */
export const AUDIT_QUEUE = 'audit';

export enum AuditJob {
  VerifyChain = 'verify-chain',
  /** Repeating: append the chain's head to the anchor file. */
  AnchorHead = 'anchor-head',
}

/** The job scheduler's id: one repeating anchor however many workers start. */
export const AUDIT_ANCHOR_SCHEDULER = 'audit-anchor';

export interface AuditJobData {
  [AuditJob.VerifyChain]: { verificationId: string };
  [AuditJob.AnchorHead]: Record<string, never>;
}
