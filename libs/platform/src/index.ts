// Platform: configuration, database, queues and the outbox, clock, errors, HTTP error shape, logging, health.
export { PlatformModule, HTTP_APP_PROVIDERS } from './platform.module';
export { Env, ConfigError, SECRET_VARIABLES, servesRealUsers, validateEnv } from './config/env';
export { loadEnv } from './config/load-env';
export { dataSourceOptions, ENTITY_GLOB, MIGRATION_GLOB } from './database/data-source-options';
export { ensureDatabase } from './database/ensure-database';
export { SnakeNamingStrategy } from './database/snake-naming.strategy';
export { Outbox, type OutboxJob } from './queue/outbox.service';
export { OutboxMessage } from './queue/outbox-message.entity';
export { OutboxRelay } from './queue/outbox-relay';
export { QueueRegistry } from './queue/queue-registry';
export { QueueModule, WorkerQueuesModule } from './queue/queue.module';
export {
  QueueStatusService,
  QUEUE_COUNT_STATES,
  type QueueStatusReport,
  type FailedJob,
  type OutboxBacklog,
} from './queue/queue-status.service';
export { DEFAULT_JOB_OPTIONS } from './queue/job-defaults';
export { createRedisConnection, whenReady } from './queue/redis-connection';
export { reportRedisError, reportRedisErrors } from './queue/redis-trouble';
export { Clock, londonDate } from './clock/clock';
export {
  DomainError,
  type DomainErrorKind,
  NotFoundError,
  InvalidInputError,
  ConflictError,
  ForbiddenError,
} from './errors/domain-error';
export type { ErrorBody, FieldProblem } from './http/error-body';
export { HttpErrorFilter } from './http/http-error.filter';
export { createValidationPipe, fieldProblems, RequestValidationError } from './http/validation';
export { Public, IS_PUBLIC } from './http/public.decorator';
export { LoggingModule, REDACT_PATHS } from './logging/logging.module';
export { HealthService, type HealthReport } from './health/health.service';
export { HealthController } from './health/health.controller';
export { startHttpApp, loadEnvOrExit } from './http/bootstrap';
export { configurePublicSite, type PublicSite } from './http/public-site';
export { projectRoot } from './files/project-root';
export { WorkingDayCalendar } from './calendar/working-day-calendar';
export { MailTransport, type OutgoingMail, type MailResult } from './mail/mail-transport';
