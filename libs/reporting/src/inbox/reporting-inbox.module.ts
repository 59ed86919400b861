// Reporting, staff side: PSD's inbox of anonymous reports, cases made from them, notices of replies.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@precedent/audit';
import { CasesModule } from '@precedent/cases';
import { ReportingModule } from '../reporting.module';
import { StaffNotification } from '../notifications/staff-notification.entity';
import { ReplyNotifications } from '../notifications/reply-notifications';
import { InboxService } from './inbox.service';

@Module({
  imports: [TypeOrmModule.forFeature([StaffNotification]), ReportingModule, CasesModule, AuditModule],
  providers: [InboxService, ReplyNotifications],
  exports: [InboxService, ReplyNotifications],
})
export class ReportingInboxModule {}
