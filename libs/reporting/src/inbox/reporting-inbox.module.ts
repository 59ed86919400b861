// Reporting, staff side: PSD's inbox of anonymous reports, and cases made from them.
import { Module } from '@nestjs/common';
import { CasesModule } from '@precedent/cases';
import { ReportingModule } from '../reporting.module';
import { InboxService } from './inbox.service';

@Module({
  imports: [ReportingModule, CasesModule],
  providers: [InboxService],
  exports: [InboxService],
})
export class ReportingInboxModule {}
