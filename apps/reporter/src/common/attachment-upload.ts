import {
  CallHandler,
  HttpException,
  HttpStatus,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { MulterModuleOptions } from '@nestjs/platform-express';
import { catchError, Observable, throwError } from 'rxjs';
import { Env } from '@precedent/platform';

/** What multer hands a route for a file part held in memory. */
export interface UploadedAttachment {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/**
 * Multer for the portal: one file a request, held in memory up to the configured limit (an image
 * must be decoded whole to remove its metadata, so streaming it to disk first would only leave an
 * uncleaned copy behind). The file name is never kept.
 */
export function attachmentUploadOptions(env: Env): MulterModuleOptions {
  // no storage or dest: multer keeps the file in memory
  return {
    defParamCharset: 'utf8',
    limits: {
      fileSize: env.REPORT_ATTACHMENT_MAX_MB * 1024 * 1024,
      files: 1,
      fields: 20,
      fieldSize: 64 * 1024,
    },
  };
}

/** A browser's file field left empty still sends a part: no name and no bytes. */
export function chosenFile(file: UploadedAttachment | undefined): UploadedAttachment | undefined {
  return file && (file.originalname !== '' || file.size > 0) ? file : undefined;
}

/** Says which limit an upload broke, in words, instead of multer's "File too large". */
@Injectable()
export class AttachmentUploadErrors implements NestInterceptor {
  constructor(private readonly env: Env) {}

  intercept(_context: unknown, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof PayloadTooLargeException
            ? new HttpException(
                {
                  code: 'attachment_too_large',
                  message: `The file is larger than the ${this.env.REPORT_ATTACHMENT_MAX_MB} MB allowed. Nothing was sent: attach a smaller screenshot.`,
                  details: { limitBytes: this.env.REPORT_ATTACHMENT_MAX_MB * 1024 * 1024 },
                },
                HttpStatus.PAYLOAD_TOO_LARGE,
              )
            : error,
        ),
      ),
    );
  }
}
