/** The audit context's background work: checking the chain. */
export const AUDIT_QUEUE = 'audit';

export enum AuditJob {
  VerifyChain = 'verify-chain',
}

export interface AuditJobData {
  [AuditJob.VerifyChain]: { verificationId: string };
}
