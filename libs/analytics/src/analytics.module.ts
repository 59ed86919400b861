// Analytics: the national precedent store, comparable precedents, consistency and force disparity.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LexiconEntry } from './lexicon/lexicon-entry.entity';
import { LexiconEntryVersion } from './lexicon/lexicon-entry-version.entity';
import { LexiconService } from './lexicon/lexicon.service';
import { AnalyticsJob } from './store/analytics-job.entity';
import { AnalyticsState } from './store/analytics-state.entity';
import { DisparityResult } from './store/disparity-result.entity';
import { InconsistencyResult } from './store/inconsistency-result.entity';
import { Precedent } from './store/precedent.entity';
import { PrecedentStore } from './store/precedent-store.service';
import { AnalyticsJobsService } from './services/analytics-jobs.service';
import { ComparablesService } from './services/comparables.service';
import { DisparityService } from './services/disparity.service';
import { InconsistencyService } from './services/inconsistency.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Precedent,
      AnalyticsState,
      AnalyticsJob,
      DisparityResult,
      InconsistencyResult,
      LexiconEntry,
      LexiconEntryVersion,
    ]),
  ],
  providers: [
    PrecedentStore,
    ComparablesService,
    DisparityService,
    InconsistencyService,
    AnalyticsJobsService,
    LexiconService,
  ],
  exports: [
    PrecedentStore,
    ComparablesService,
    DisparityService,
    InconsistencyService,
    AnalyticsJobsService,
    LexiconService,
  ],
})
export class AnalyticsModule {}
