// The worker: BullMQ processors (audit checks, precedent imports, analytics recomputation, evidence processing, hearing notices, the anonymous channel's notices, the harvest of peer forces' precedent feeds) and the outbox relay. Its only HTTP route is GET /health.
import { Module, OnModuleInit } from '@nestjs/common';
import { ANALYTICS_QUEUE, AnalyticsModule } from '@precedent/analytics';
import { AUDIT_QUEUE, AuditModule } from '@precedent/audit';
import { EVIDENCE_INTEGRITY_QUEUE, EVIDENCE_QUEUE, EvidenceModule } from '@precedent/evidence';
import { HEARINGS_QUEUE, HearingsModule } from '@precedent/hearings';
import {
  HealthController,
  HealthService,
  HTTP_APP_PROVIDERS,
  LoggingModule,
  OutboxRelay,
  PlatformModule,
  QueueModule,
  WorkerQueuesModule,
} from '@precedent/platform';
import { NETWORK_QUEUE, NetworkModule } from '@precedent/network';
import { REPORTING_QUEUE, ReportingInboxModule } from '@precedent/reporting';
import { AnalyticsProcessor } from './analytics/analytics.processor';
import { RecomputeThreadModule } from './analytics/thread-recompute-runner';
import { AuditProcessor } from './audit/audit.processor';
import { EvidenceProcessor } from './evidence/evidence.processor';
import { ChatThreadModule } from './evidence/thread-chat-reader';
import { EvidenceIntegrityProcessor } from './evidence/evidence-integrity.processor';
import { HearingsProcessor } from './hearings/hearings.processor';
import { NetworkProcessor } from './network/network.processor';
import { ReportingProcessor } from './reporting/reporting.processor';

/** Every queue this worker processes; /health reports their depth. */
const QUEUES = [
  AUDIT_QUEUE,
  ANALYTICS_QUEUE,
  EVIDENCE_QUEUE,
  EVIDENCE_INTEGRITY_QUEUE,
  HEARINGS_QUEUE,
  REPORTING_QUEUE,
  NETWORK_QUEUE,
];

@Module({
  imports: [
    PlatformModule,
    LoggingModule.forHttp(),
    QueueModule.forWorkers(),
    WorkerQueuesModule.register(QUEUES),
    AuditModule,
    AnalyticsModule,
    RecomputeThreadModule,
    ChatThreadModule,
    EvidenceModule,
    HearingsModule,
    ReportingInboxModule,
    NetworkModule,
  ],
  controllers: [HealthController],
  providers: [
    ...HTTP_APP_PROVIDERS,
    OutboxRelay,
    AuditProcessor,
    AnalyticsProcessor,
    EvidenceProcessor,
    EvidenceIntegrityProcessor,
    HearingsProcessor,
    ReportingProcessor,
    NetworkProcessor,
  ],
})
export class WorkerModule implements OnModuleInit {
  constructor(private readonly health: HealthService) {}

  onModuleInit(): void {
    this.health.watchQueues(QUEUES);
  }
}
