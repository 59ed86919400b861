// Reporting, staff side: PSD's inbox of anonymous reports, cases made from them, notices of replies, retention, key rotation.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@precedent/audit';
import { CasesModule } from '@precedent/cases';
import { EvidenceModule } from '@precedent/evidence';
import { ReportingModule } from '../reporting.module';
import { StaffNotification } from '../notifications/staff-notification.entity';
import { ReportKeyRotation } from '../crypto/key-rotation.service';
import { ReportRetention } from '../retention/report-retention.service';
import { ReplyNotifications } from '../notifications/reply-notifications';
import { InboxService } from './inbox.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([StaffNotification]),
    ReportingModule,
    CasesModule,
    EvidenceModule,
    AuditModule,
  ],
  providers: [InboxService, ReplyNotifications, ReportRetention, ReportKeyRotation],
  exports: [InboxService, ReplyNotifications, ReportRetention, ReportKeyRotation],
})
export class ReportingInboxModule {}
