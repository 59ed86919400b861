// Audit: the tamper-evident log of every change and every read of case data by a person.
export { AuditModule } from './audit.module';
export { AuditService, type AuditEntry, type ChainVerification } from './audit.service';
export { AuditVerificationsService } from './audit-verifications.service';
export { type AuditContext, systemContext } from './audit-context';
export { AUDIT_ANCHOR_SCHEDULER, AUDIT_QUEUE, AuditJob, type AuditJobData } from './audit.jobs';
export { AuditAnchors, type AnchorCheck } from './audit-anchors.service';
export type { AuditAnchor } from './audit-anchor.rules';
export type { AuditEvent, AuditResult } from './audit-event.entity';
export type { AuditVerification, VerificationStatus } from './audit-verification.entity';
