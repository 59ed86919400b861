// Evidence: files of a case, hashed on arrival and stored once by content, the chain of custody, and processing (thumbnails, EXIF, OCR). All other code uses only this.
export { EvidenceModule } from './evidence.module';
export {
  EvidenceService,
  type CaptureMetadata,
  type ReceivedFile,
  type UploadOutcome,
  type VerifyOutcome,
  type Rendition,
  type EvidenceContent,
} from './items/evidence.service';
export { FailedEvidenceService, type FailedEvidence } from './items/failed-evidence.service';
export { EvidenceProcessingService } from './processing/evidence-processing.service';
export { EvidenceStorage, type StagedBlob, type StageOptions } from './storage/evidence-storage';
export { LocalEvidenceStorage } from './storage/local-evidence-storage';
export {
  EVIDENCE_QUEUE,
  EVIDENCE_INTEGRITY_QUEUE,
  EVIDENCE_VERIFY_SCHEDULE,
  EvidenceJob,
  type EvidenceJobData,
} from './evidence.jobs';
export { EvidenceIntegrityService, type IntegrityReport } from './items/evidence-integrity.service';
export {
  EVIDENCE_MEDIA_TYPES,
  type EvidenceMediaType,
  ACCEPTED_DESCRIPTION,
  describeMediaType,
} from './items/evidence-type.rules';
export {
  EvidenceNotFoundError,
  EvidenceTypeNotAcceptedError,
  EvidenceFileMissingError,
  EvidenceUnprocessableError,
} from './items/evidence.errors';
export {
  EVIDENCE_STATUSES,
  type EvidenceStatus,
  type IntegrityStatus,
  type ImageMetadata,
  type ProcessingStep,
} from './items/evidence-item.entity';
export type { EvidenceItem } from './items/evidence-item.entity';
export { CUSTODY_ACTIONS, type CustodyAction } from './items/custody-event.entity';
export type { CustodyEvent } from './items/custody-event.entity';
export type { OcrResult, OcrWord } from './processing/ocr-result.entity';
export { ArchivePostsService, type PostSearch, type PostHit } from './archives/archive-posts.service';
export type { ArchivePost, PostLocator } from './archives/archive-post.entity';
export type { ArchiveSummary, ArchiveMember } from './items/evidence-item.entity';
export { ZIP_LIMITS } from './archives/zip-reader.rules';
export { OcrEngine } from './processing/ocr-engine';
export {
  parseWhatsAppChat,
  readWhatsAppExport,
  type ChatParse,
  type ChatMessage,
  type ChatReading,
  type DatedChatMessage,
  type DateOrder,
} from './archives/whatsapp.rules';
export {
  CHAT_READER,
  CHAT_BATCH,
  InProcessChatReader,
  type ChatReader,
  type ChatOpening,
  type OpenChat,
} from './archives/chat-reader';
export {
  EvidencePromotionService,
  type PromoteInput,
  type PromotionSource,
} from './archives/evidence-promotion.service';
export type { ParticipantPart } from './archives/participants.rules';
