// The staff API and web UI: every route a PSD user reaches over HTTP.
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '@precedent/audit';
import { IdentityModule } from '@precedent/identity';
import { HealthController, HTTP_APP_PROVIDERS, LoggingModule, PlatformModule } from '@precedent/platform';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './common/auth.guard';
import { UsersController } from './users/users.controller';

@Module({
  imports: [PlatformModule, LoggingModule.forHttp(), AuditModule, IdentityModule],
  controllers: [HealthController, AuthController, UsersController, AuditController],
  providers: [...HTTP_APP_PROVIDERS, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class ApiModule {}
