/** The evidence context's background work: thumbnails, EXIF and OCR of uploaded items. */
export const EVIDENCE_QUEUE = 'evidence';

export enum EvidenceJob {
  Process = 'process',
}

export interface EvidenceJobData {
  [EvidenceJob.Process]: { evidenceId: string };
}
