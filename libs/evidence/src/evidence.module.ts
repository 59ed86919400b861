// Evidence: files of a case, stored by content hash, their chain of custody, their processing, and the posts read from them.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '@precedent/cases';
import { Env } from '@precedent/platform';
import { ArchivePost } from './archives/archive-post.entity';
import { ArchivePostsService } from './archives/archive-posts.service';
import { ArchiveProcessingService } from './archives/archive-processing.service';
import { EvidencePromotionService } from './archives/evidence-promotion.service';
import { CustodyEvent } from './items/custody-event.entity';
import { EvidenceItem } from './items/evidence-item.entity';
import { EvidenceService } from './items/evidence.service';
import { EvidenceIntegrityService } from './items/evidence-integrity.service';
import { FailedEvidenceService } from './items/failed-evidence.service';
import { EvidenceProcessingService } from './processing/evidence-processing.service';
import { OcrEngine } from './processing/ocr-engine';
import { OcrResult } from './processing/ocr-result.entity';
import { EvidenceStorage } from './storage/evidence-storage';
import { LocalEvidenceStorage } from './storage/local-evidence-storage';

@Module({
  imports: [TypeOrmModule.forFeature([EvidenceItem, CustodyEvent, OcrResult, ArchivePost]), CasesModule],
  providers: [
    EvidenceService,
    FailedEvidenceService,
    EvidenceIntegrityService,
    EvidenceProcessingService,
    ArchivePostsService,
    ArchiveProcessingService,
    EvidencePromotionService,
    OcrEngine,
    // the local folder is the default store; another implementation replaces this one provider
    {
      provide: EvidenceStorage,
      inject: [Env],
      useFactory: (env: Env) => new LocalEvidenceStorage(env.EVIDENCE_DIR),
    },
  ],
  exports: [
    EvidenceService,
    FailedEvidenceService,
    EvidenceIntegrityService,
    EvidenceProcessingService,
    ArchivePostsService,
    EvidencePromotionService,
    EvidenceStorage,
  ],
})
export class EvidenceModule {}
