// The staff API and web UI: every route a PSD user reaches over HTTP.
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '@precedent/audit';
import { AnalyticsModule } from '@precedent/analytics';
import { AnalyticsController } from './analytics/analytics.controller';
import { LexiconController } from './analytics/lexicon.controller';
import { AnonymousReportsController } from './anonymous-reports/anonymous-reports.controller';
import { CasesModule } from '@precedent/cases';
import { EvidenceModule } from '@precedent/evidence';
import { HearingsModule } from '@precedent/hearings';
import { IdentityModule } from '@precedent/identity';
import { HealthController, HTTP_APP_PROVIDERS, LoggingModule, PlatformModule } from '@precedent/platform';
import { ReportingInboxModule } from '@precedent/reporting';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './common/auth.guard';
import { CalendarController } from './calendar/calendar.controller';
import { CasesController } from './cases/cases.controller';
import { CaseAccessModule } from './cases/case-access.module';
import { CaseContentsCorrectionsController } from './cases/case-contents-corrections.controller';
import { EvidenceController } from './evidence/evidence.controller';
import { EvidenceUploadsModule } from './evidence/evidence-uploads.module';
import { HearingBundleController } from './hearings/hearing-bundle.controller';
import { HearingsController } from './hearings/hearings.controller';
import { OutcomesController } from './hearings/outcomes.controller';
import { PublicationController } from './hearings/publication.controller';
import { NoticeDeliveriesController } from './hearings/notice-deliveries.controller';
import { UsersController } from './users/users.controller';
import { PrecedentFeedController } from './network/precedent-feed.controller';
import { NetworkModule } from '@precedent/network';
import { CsrfGuard } from './web/csrf';
import { WebModule } from './web/web.module';

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
    EvidenceUploadsModule,
    HearingsModule,
    CaseAccessModule,
    NetworkModule,
    // the staff web pages
    WebModule,
  ],
  controllers: [
    AnalyticsController,
    LexiconController,
    AnonymousReportsController,
    HealthController,
    AuthController,
    UsersController,
    PrecedentFeedController,
    AuditController,
    CalendarController,
    CasesController,
    CaseContentsCorrectionsController,
    EvidenceController,
    HearingsController,
    HearingBundleController,
    OutcomesController,
    PublicationController,
    NoticeDeliveriesController,
  ],
  providers: [
    ...HTTP_APP_PROVIDERS,
    // in this order: who is signing in, then whether their form is genuine
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: CsrfGuard },
  ],
})
export class ApiModule {}
