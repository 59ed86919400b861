// Cases: intake, the lifecycle, severity assessment and the timeline.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Case } from './cases/case.entity';
import { CaseEvent } from './cases/case-event.entity';
import { CaseReferenceCounter } from './cases/case-reference-counter.entity';
import { CasesService } from './cases/cases.service';

@Module({
  imports: [TypeOrmModule.forFeature([Case, CaseEvent, CaseReferenceCounter])],
  providers: [CasesService],
  exports: [CasesService],
})
export class CasesModule {}
