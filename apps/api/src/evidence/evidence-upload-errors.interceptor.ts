import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { catchError, Observable, throwError } from 'rxjs';
import { Env } from '@precedent/platform';

/** Says which limit an upload broke, in words, instead of multer's "File too large". */
@Injectable()
export class EvidenceUploadErrors implements NestInterceptor {
  constructor(private readonly env: Env) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof PayloadTooLargeException
            ? new HttpException(
                {
                  code: 'evidence_too_large',
                  message: `The file is larger than the ${this.env.EVIDENCE_MAX_FILE_MB} MB allowed for one evidence file. Nothing was stored.`,
                  details: { limitBytes: this.env.EVIDENCE_MAX_FILE_MB * 1024 * 1024 },
                },
                HttpStatus.PAYLOAD_TOO_LARGE,
              )
            : error,
        ),
      ),
    );
  }
}
