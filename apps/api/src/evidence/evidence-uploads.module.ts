import { MulterModule } from '@nestjs/platform-express';
import { EvidenceModule, EvidenceService } from '@precedent/evidence';
import { Env } from '@precedent/platform';
import { evidenceUploadOptions } from './evidence-upload.storage';

/**
 * File uploads (only evidence takes files) streamed into the evidence store, within the configured
 * limit: imported by each module whose controllers take a file (the JSON API's and the web pages'),
 * since a controller reads the upload options of its own module.
 */
export const EvidenceUploadsModule = MulterModule.registerAsync({
  imports: [EvidenceModule],
  inject: [Env, EvidenceService],
  useFactory: evidenceUploadOptions,
});
