// The anonymous reporting portal: its own process, no staff routes, nothing that identifies a reporter.
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { Env, HTTP_APP_PROVIDERS, LoggingModule, PlatformModule } from '@precedent/platform';
import { ReportingModule } from '@precedent/reporting';
import { attachmentUploadOptions } from './common/attachment-upload';
import { PortalHealthController } from './common/portal-health.controller';
import { ReporterSessionGuard } from './common/reporter-session.guard';
import { ReporterApiController } from './reports/reporter-api.controller';
import { PortalController } from './web/portal.controller';

@Module({
  imports: [
    PlatformModule,
    LoggingModule.forHttp({ anonymous: true }),
    ReportingModule,
    // screenshots, held in memory within the configured limit until their metadata is removed
    MulterModule.registerAsync({ inject: [Env], useFactory: attachmentUploadOptions }),
  ],
  controllers: [PortalHealthController, ReporterApiController, PortalController],
  providers: [...HTTP_APP_PROVIDERS, ReporterSessionGuard],
})
export class ReporterModule {}
