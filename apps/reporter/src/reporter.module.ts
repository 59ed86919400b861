// The anonymous reporting portal: its own process, no staff routes, nothing that identifies a reporter.
import { Module } from '@nestjs/common';
import { HealthController, HTTP_APP_PROVIDERS, LoggingModule, PlatformModule } from '@precedent/platform';

@Module({
  imports: [PlatformModule, LoggingModule.forHttp({ anonymous: true })],
  controllers: [HealthController],
  providers: [...HTTP_APP_PROVIDERS],
})
export class ReporterModule {}
