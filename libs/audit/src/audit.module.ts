// Audit: the tamper-evident log of every change and every read of case data by a person.
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEvent } from './audit-event.entity';
import { AuditVerification } from './audit-verification.entity';
import { AuditService } from './audit.service';
import { AuditVerificationsService } from './audit-verifications.service';
import { AuditAnchors } from './audit-anchors.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent, AuditVerification])],
  providers: [AuditService, AuditVerificationsService, AuditAnchors],
  exports: [AuditService, AuditVerificationsService, AuditAnchors],
})
export class AuditModule {}
