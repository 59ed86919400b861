// Cases: intake, the lifecycle, severity assessment and the timeline.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Case } from './cases/case.entity';
import { CaseGrant } from './access/case-grant.entity';
import { CaseAccessService } from './access/case-access.service';
import { CaseEvent } from './cases/case-event.entity';
import { CaseReferenceCounter } from './cases/case-reference-counter.entity';
import { CasesService } from './cases/cases.service';
import { CaseDueDatesService } from './cases/case-due-dates.service';
import { Allegation } from './conduct/allegation.entity';
import { CaseContentsService } from './conduct/case-contents.service';
import { ConductItem } from './conduct/conduct-item.entity';
import { CaseDuplicateWarning } from './conduct/case-duplicate-warning.entity';
import { Subject } from './conduct/subject.entity';
import { DemoCasesLoader } from './demo/demo-cases.loader';
import { CaseReportsService } from './reports/case-reports.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Case,
      CaseEvent,
      CaseReferenceCounter,
      Subject,
      Allegation,
      ConductItem,
      CaseDuplicateWarning,
      CaseGrant,
    ]),
  ],
  providers: [
    CaseAccessService,
    CasesService,
    CaseContentsService,
    DemoCasesLoader,
    CaseDueDatesService,
    CaseReportsService,
  ],
  exports: [
    CaseAccessService,
    CasesService,
    CaseContentsService,
    DemoCasesLoader,
    CaseDueDatesService,
    CaseReportsService,
  ],
})
export class CasesModule {}
