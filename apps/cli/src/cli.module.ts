// The command line: migrations, users, demo cases, audit verification and anchoring, precedent import/export, synthetic data, analytics, reporting key rotation, the precedent network.
import { Module } from '@nestjs/common';
import { AnalyticsModule } from '@precedent/analytics';
import { AuditModule } from '@precedent/audit';
import { CasesModule } from '@precedent/cases';
import { HearingsModule } from '@precedent/hearings';
import { IdentityModule } from '@precedent/identity';
import { NetworkModule } from '@precedent/network';
import { PlatformModule } from '@precedent/platform';
import { ReportingInboxModule } from '@precedent/reporting';
import { AnalyticsCommand, DisparityCommand, InconsistenciesCommand } from './commands/analytics.command';
import { AnchorAuditCommand, AuditCommand, VerifyAuditCommand } from './commands/audit.command';
import { DemoCommand } from './commands/demo.command';
import { MigrateCommand } from './commands/migrate.command';
import {
  IssuePeerTokenCommand,
  NetworkCommand,
  NetworkKeysCommand,
  NetworkPullCommand,
  PeerTokenCommand,
  RevokePeerTokenCommand,
} from './commands/network.command';
import {
  ExportPrecedentsCommand,
  ImportPrecedentsCommand,
  PrecedentsCommand,
} from './commands/precedents.command';
import { ReportingCommand, RotateReportingKeysCommand } from './commands/reporting.command';
import { SynthCommand } from './commands/synth.command';
import { CreateUserCommand, UsersCommand } from './commands/users.command';

@Module({
  imports: [
    PlatformModule,
    AuditModule,
    IdentityModule,
    AnalyticsModule,
    CasesModule,
    HearingsModule,
    ReportingInboxModule,
    NetworkModule,
  ],
  providers: [
    DemoCommand,
    MigrateCommand,
    UsersCommand,
    CreateUserCommand,
    AuditCommand,
    VerifyAuditCommand,
    AnchorAuditCommand,
    PrecedentsCommand,
    ImportPrecedentsCommand,
    ExportPrecedentsCommand,
    SynthCommand,
    AnalyticsCommand,
    DisparityCommand,
    InconsistenciesCommand,
    ReportingCommand,
    RotateReportingKeysCommand,
    NetworkCommand,
    NetworkKeysCommand,
    PeerTokenCommand,
    IssuePeerTokenCommand,
    RevokePeerTokenCommand,
    NetworkPullCommand,
  ],
})
export class CliModule {}
