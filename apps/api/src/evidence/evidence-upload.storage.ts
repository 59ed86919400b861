import type { Readable } from 'node:stream';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import { type EvidenceService, type ReceivedFile } from '@precedent/evidence';
import type { Env } from '@precedent/platform';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { CsrfTokenInvalidError } from '../web/csrf';

/** What multer hands the storage engine for a file part. */
interface IncomingFile {
  originalname: string;
  stream: Readable;
}

/** The upload as the route handler receives it: staged and hashed, not yet evidence. */
export interface UploadedEvidence {
  received: ReceivedFile;
}

/**
 * A multer storage engine that streams the `file` part straight into the evidence store's staging
 * area while hashing it: the file is never held whole in memory or written anywhere else. The case
 * access check and the type check run before more than the first bytes are stored.
 */
class EvidenceUploadEngine {
  constructor(private readonly evidence: EvidenceService) {}

  _handleFile(
    req: AuthenticatedRequest,
    file: IncomingFile,
    callback: (error: unknown, info?: UploadedEvidence) => void,
  ): void {
    const caseId = String(req.params.id ?? '');
    if (!req.principal) {
      file.stream.resume();
      callback(new Error('An upload reached storage without a signed-in person'));
      return;
    }
    // a web form's token comes in the `_csrf` field before the file: no valid token, nothing stored
    const csrfValid = req.res?.locals.csrfValid as (() => boolean) | undefined;
    if (!req.path.startsWith('/api/') && !csrfValid?.()) {
      file.stream.resume();
      callback(new CsrfTokenInvalidError());
      return;
    }
    this.evidence
      .receive(caseId, req.principal, file.stream, file.originalname)
      .then((received) => callback(null, { received }))
      .catch((error: unknown) => {
        // let busboy finish the part so multer can answer with this error
        file.stream.resume();
        callback(error);
      });
  }

  _removeFile(
    _req: AuthenticatedRequest,
    file: Partial<UploadedEvidence>,
    callback: (error: unknown) => void,
  ): void {
    if (!file.received) return callback(null);
    this.evidence.discard(file.received).then(() => callback(null), callback);
  }
}

/** Multer's settings for evidence uploads: the streaming engine and the configured size limit. */
export function evidenceUploadOptions(env: Env, evidence: EvidenceService): MulterModuleOptions {
  return {
    storage: new EvidenceUploadEngine(evidence),
    // browsers send UTF-8 file names
    defParamCharset: 'utf8',
    limits: {
      fileSize: env.EVIDENCE_MAX_FILE_MB * 1024 * 1024,
      files: 1,
      fields: 20,
      fieldSize: 64 * 1024,
    },
  };
}
