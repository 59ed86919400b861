// Hearings: meetings and hearings, the panel pool, dates and notices, findings, outcomes and appeals.
import { HearingPeriods } from './config/hearing-periods';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnalyticsModule } from '@precedent/analytics';
import { AuditModule } from '@precedent/audit';
import { CasesModule } from '@precedent/cases';
import { Appeal } from './appeals/appeal.entity';
import { DemoHearingsLoader } from './demo/demo-hearings.loader';
import { AppealsService } from './appeals/appeals.service';
import { HearingChanges } from './hearings/hearing-changes.service';
import { HearingListingsService } from './hearings/hearing-listings.service';
import { HearingsService } from './hearings/hearings.service';
import { ListReferralsService } from './outcomes/list-referrals.service';
import { PrecedentWriter } from './outcomes/precedent-writer.service';
import { HearingPanelService } from './panels/hearing-panel.service';
import { HearingDatesService } from './scheduling/hearing-dates.service';
import { PreHearingsService } from './scheduling/pre-hearings.service';
import { NoticesService } from './notices/notices.service';
import { OutcomesService } from './outcomes/outcomes.service';
import { OutcomeReportsService } from './outcomes/outcome-reports.service';
import { PanelPoolService } from './panels/panel-pool.service';
import { HearingDateChange } from './hearings/hearing-date-change.entity';
import { Hearing } from './hearings/hearing.entity';
import { HearingNotice } from './notices/hearing-notice.entity';
import { NoticeDelivery } from './notices/notice-delivery.entity';
import { AllegationFinding } from './outcomes/allegation-finding.entity';
import { OutcomeRecord } from './outcomes/outcome-record.entity';
import { HearingSeat } from './panels/hearing-seat.entity';
import { PanelMember } from './panels/panel-member.entity';
import { PanelRelationship } from './panels/panel-relationship.entity';
import { PublicationDecision } from './publication/publication-decision.entity';
import { PublicationService } from './publication/publication.service';
import { PublishedNotice } from './publication/published-notice.entity';

export const HEARINGS_ENTITIES = [
  Hearing,
  HearingDateChange,
  PanelMember,
  PanelRelationship,
  NoticeDelivery,
  HearingSeat,
  OutcomeRecord,
  AllegationFinding,
  Appeal,
  HearingNotice,
  PublicationDecision,
  PublishedNotice,
];

@Module({
  imports: [TypeOrmModule.forFeature(HEARINGS_ENTITIES), AuditModule, CasesModule, AnalyticsModule],
  providers: [
    HearingChanges,
    PrecedentWriter,
    HearingsService,
    HearingListingsService,
    HearingDatesService,
    PreHearingsService,
    HearingPanelService,
    AppealsService,
    ListReferralsService,
    PanelPoolService,
    OutcomesService,
    NoticesService,
    HearingPeriods,
    OutcomeReportsService,
    DemoHearingsLoader,
    PublicationService,
  ],
  exports: [
    HearingsService,
    HearingListingsService,
    HearingDatesService,
    PreHearingsService,
    HearingPanelService,
    AppealsService,
    ListReferralsService,
    PanelPoolService,
    OutcomesService,
    NoticesService,
    OutcomeReportsService,
    DemoHearingsLoader,
    PublicationService,
  ],
})
export class HearingsModule {}
