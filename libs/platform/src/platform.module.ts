// Platform: configuration, database, queues and the outbox, clock, errors, HTTP error shape, logging, health.
import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { QueueModule } from './queue/queue.module';
import { Clock } from './clock/clock';
import { WorkingDayCalendar } from './calendar/working-day-calendar';
import { HealthModule } from './health/health.module';
import { MailTransport } from './mail/mail-transport';
import { HttpErrorFilter } from './http/http-error.filter';
import { createValidationPipe } from './http/validation';

/** Everything a process needs underneath its own modules. HTTP apps also get the pipe and the filter. */
@Global()
@Module({
  imports: [ConfigModule, DatabaseModule, QueueModule, HealthModule],
  providers: [
    Clock,
    { provide: WorkingDayCalendar, useFactory: () => new WorkingDayCalendar() },
    MailTransport,
  ],
  exports: [ConfigModule, QueueModule, HealthModule, Clock, WorkingDayCalendar, MailTransport],
})
export class PlatformModule {}

/** Registered by HTTP apps, so e2e tests that boot the app module get exactly what production gets. */
export const HTTP_APP_PROVIDERS = [
  { provide: APP_PIPE, useFactory: createValidationPipe },
  { provide: APP_FILTER, useClass: HttpErrorFilter },
];
