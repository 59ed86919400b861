// The staff API and web UI: every route a PSD user reaches over HTTP.
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '@precedent/audit';
import { AnalyticsModule } from '@precedent/analytics';
import { AnalyticsController } from './analytics/analytics.controller';
import { LexiconController } from './analytics/lexicon.controller';
import { AnonymousReportsController } from './anonymous-reports/anonymous-reports.controller';
import { CasesModule } from '@precedent/cases';
import { EvidenceModule, EvidenceService } from '@precedent/evidence';
import { MulterModule } from '@nestjs/platform-express';
import { HearingsModule } from '@precedent/hearings';
import { IdentityModule } from '@precedent/identity';
import {
  Env,
  HealthController,
  HTTP_APP_PROVIDERS,
  LoggingModule,
  PlatformModule,
} from '@precedent/platform';
import { ReportingInboxModule } from '@precedent/reporting';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './common/auth.guard';
import { CalendarController } from './calendar/calendar.controller';
import { CasesController } from './cases/cases.controller';
import { CaseAccessModule } from './cases/case-access.module';
import { CaseContentsCorrectionsController } from './cases/case-contents-corrections.controller';
import { EvidenceController } from './evidence/evidence.controller';
import { evidenceUploadOptions } from './evidence/evidence-upload.storage';
import { HearingBundleController } from './hearings/hearing-bundle.controller';
import { HearingsController } from './hearings/hearings.controller';
import { OutcomesController } from './hearings/outcomes.controller';
import { PublicationController } from './hearings/publication.controller';
import { NoticeDeliveriesController } from './hearings/notice-deliveries.controller';
import { UsersController } from './users/users.controller';
import { AdminPagesController } from './web/admin-pages.controller';
import { ImportPagesController } from './web/import-pages.controller';
import { NetworkPagesController } from './web/network-pages.controller';
import { PrecedentFeedController } from './network/precedent-feed.controller';
import { NetworkModule } from '@precedent/network';
import { LexiconPagesController } from './web/lexicon-pages.controller';
import { QueuePagesController } from './web/queue-pages.controller';
import { AnalyticsPagesController } from './web/analytics-pages.controller';
import { ConsistencyPagesController } from './web/reports/consistency-pages.controller';
import { CaseReportsPagesController } from './web/case-reports-pages.controller';
import { AnonymousPagesController } from './web/anonymous-pages.controller';
import { CasePagesController } from './web/case-pages.controller';
import { CsrfGuard, WebCsrf } from './web/csrf';
import { EvidencePagesController } from './web/evidence-pages.controller';
import { HearingArrangementPagesController } from './web/hearing-arrangement-pages.controller';
import { HearingPagesController } from './web/hearing-pages.controller';
import { NoticeRetryPagesController } from './web/notice-retry-pages.controller';
import { HearingAppealPagesController } from './web/hearings/hearing-appeal-pages.controller';
import { HearingAppealsSection } from './web/hearings/hearing-appeals-section';
import { HearingDatePagesController } from './web/hearings/hearing-date-pages.controller';
import { HearingDecisionForm } from './web/hearings/hearing-decision-form';
import { HearingOutcomePagesController } from './web/hearings/hearing-outcome-pages.controller';
import { HearingPage } from './web/hearings/hearing-page';
import { PublicationPagesController } from './web/publication-pages.controller';
import { MyWorkController } from './web/my-work.controller';
import { CaseWorkflowPagesController } from './web/cases/case-workflow.controller';
import { CaseContentsPagesController } from './web/cases/case-contents-pages.controller';
import { WebSessionController } from './web/web-session.controller';

@Module({
  imports: [
    PlatformModule,
    LoggingModule.forHttp(),
    AuditModule,
    IdentityModule,
    CasesModule,
    AnalyticsModule,
    ReportingInboxModule,
    EvidenceModule,
    // file uploads (only evidence takes files) stream into the evidence store, within the configured limit
    MulterModule.registerAsync({
      imports: [EvidenceModule],
      inject: [Env, EvidenceService],
      useFactory: evidenceUploadOptions,
    }),
    HearingsModule,
    CaseAccessModule,
    NetworkModule,
  ],
  controllers: [
    AnalyticsController,
    LexiconController,
    AnalyticsPagesController,
    ConsistencyPagesController,
    CaseReportsPagesController,
    CasePagesController,
    AnonymousReportsController,
    AnonymousPagesController,
    HealthController,
    AuthController,
    UsersController,
    AdminPagesController,
    LexiconPagesController,
    ImportPagesController,
    NetworkPagesController,
    PrecedentFeedController,
    QueuePagesController,
    AuditController,
    CalendarController,
    CasesController,
    CaseContentsCorrectionsController,
    EvidenceController,
    EvidencePagesController,
    HearingsController,
    HearingBundleController,
    OutcomesController,
    PublicationController,
    NoticeDeliveriesController,
    // before the hearing pages, so /hearings/new and /hearings/panel-members are not read as ids
    HearingArrangementPagesController,
    PublicationPagesController,
    HearingPagesController,
    HearingDatePagesController,
    HearingOutcomePagesController,
    HearingAppealPagesController,
    WebSessionController,
    MyWorkController,
    NoticeRetryPagesController,
    CaseContentsPagesController,
    // last: its GET /cases/:id/:form answers only the case page's own form addresses
    CaseWorkflowPagesController,
  ],
  providers: [
    ...HTTP_APP_PROVIDERS,
    WebCsrf,
    HearingPage,
    HearingDecisionForm,
    HearingAppealsSection,
    // in this order: who is signing in, then whether their form is genuine
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: CsrfGuard },
  ],
})
export class ApiModule {}
