import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AnalyticsModule } from '@precedent/analytics';
import { CasesModule } from '@precedent/cases';
import { EvidenceModule } from '@precedent/evidence';
import { HearingsModule } from '@precedent/hearings';
import { IdentityModule } from '@precedent/identity';
import { ReportingInboxModule } from '@precedent/reporting';
import { EvidenceUploadsModule } from '../evidence/evidence-uploads.module';
import { AdminPagesController } from './admin-pages.controller';
import { AnalyticsPagesController } from './analytics-pages.controller';
import { AnonymousPagesController } from './anonymous-pages.controller';
import { AttentionInterceptor } from './attention.interceptor';
import { CaseReportsPagesController } from './case-reports-pages.controller';
import { CaseContentsPagesController } from './cases/case-contents-pages.controller';
import { CaseListPagesController } from './cases/case-list-pages.controller';
import { CasePageView } from './cases/case-page.view';
import { CasePagesController } from './cases/case-pages.controller';
import { CaseWorkflowPagesController } from './cases/case-workflow.controller';
import { WebCsrf } from './csrf';
import { EvidencePagesController } from './evidence-pages.controller';
import { HearingArrangementPagesController } from './hearing-arrangement-pages.controller';
import { HearingPagesController } from './hearing-pages.controller';
import { ImportPagesController } from './import-pages.controller';
import { LexiconPagesController } from './lexicon-pages.controller';
import { MyWorkController } from './my-work.controller';
import { MyWorkOversight } from './my-work-oversight';
import { QueuePagesController } from './queue-pages.controller';
import { ConsistencyPagesController } from './reports/consistency-pages.controller';
import { WebSessionController } from './web-session.controller';
import { NetworkModule } from '@precedent/network';
import { NetworkPagesController } from './network-pages.controller';
import { NoticeRetryPagesController } from './notice-retry-pages.controller';
import { PublicationPagesController } from './publication-pages.controller';
import { HearingAppealPagesController } from './hearings/hearing-appeal-pages.controller';
import { HearingAppealsSection } from './hearings/hearing-appeals-section';
import { HearingDatePagesController } from './hearings/hearing-date-pages.controller';
import { HearingDecisionForm } from './hearings/hearing-decision-form';
import { HearingOutcomePagesController } from './hearings/hearing-outcome-pages.controller';
import { HearingPage } from './hearings/hearing-page';

/**
 * The staff web pages, one controller a journey. Routes are matched in the order listed here, so
 * fixed addresses come before the ones that take an id (`/cases/new` before `/cases/:id`).
 * The CSRF tokens are this module's, exported for the API module's guard.
 */
@Module({
  imports: [
    IdentityModule,
    CasesModule,
    AnalyticsModule,
    ReportingInboxModule,
    EvidenceModule,
    EvidenceUploadsModule,
    HearingsModule,
    NetworkModule,
  ],
  controllers: [
    WebSessionController,
    MyWorkController,
    NoticeRetryPagesController,
    AnalyticsPagesController,
    ConsistencyPagesController,
    CaseReportsPagesController,
    CaseListPagesController,
    CasePagesController,
    AnonymousPagesController,
    AdminPagesController,
    LexiconPagesController,
    ImportPagesController,
    NetworkPagesController,
    QueuePagesController,
    EvidencePagesController,
    // before the hearing pages, so /hearings/new and /hearings/panel-members are not read as ids
    HearingArrangementPagesController,
    PublicationPagesController,
    HearingPagesController,
    HearingDatePagesController,
    HearingOutcomePagesController,
    HearingAppealPagesController,
    CaseContentsPagesController,
    // last: its GET /cases/:id/:form answers only the case page's own form addresses
    CaseWorkflowPagesController,
  ],
  providers: [
    WebCsrf,
    CasePageView,
    HearingPage,
    HearingDecisionForm,
    HearingAppealsSection,
    MyWorkOversight,
    // the header's count of what needs the signed-in person, on every staff page
    { provide: APP_INTERCEPTOR, useClass: AttentionInterceptor },
  ],
  exports: [WebCsrf],
})
export class WebModule {}
