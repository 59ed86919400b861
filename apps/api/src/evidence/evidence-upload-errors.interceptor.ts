import {
  CallHandler,
  ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { EvidenceService } from '@precedent/evidence';
import { Env } from '@precedent/platform';
import type { UploadedEvidence } from './evidence-upload.storage';

/** Says which limit an upload broke, in words, instead of multer's "File too large"; a refused upload's staged bytes are deleted. */
@Injectable()
export class EvidenceUploadErrors implements NestInterceptor {
  constructor(
    private readonly env: Env,
    private readonly evidence: EvidenceService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<{ file?: Partial<UploadedEvidence> }>();
    return next.handle().pipe(
      // a refused request (its fields invalid, say) keeps nothing of the file it staged
      catchError((error: unknown) =>
        from(req.file?.received ? this.evidence.discard(req.file.received) : Promise.resolve()).pipe(
          mergeMap(() => throwError(() => error)),
        ),
      ),
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
