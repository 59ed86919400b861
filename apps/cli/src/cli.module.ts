// The command line: migrations, users, audit verification (and, as they arrive, imports and data).
import { Module } from '@nestjs/common';
import { AuditModule } from '@precedent/audit';
import { IdentityModule } from '@precedent/identity';
import { PlatformModule } from '@precedent/platform';
import { AuditCommand, VerifyAuditCommand } from './commands/audit.command';
import { DemoCommand } from './commands/demo.command';
import { MigrateCommand } from './commands/migrate.command';
import { CreateUserCommand, UsersCommand } from './commands/users.command';

@Module({
  imports: [PlatformModule, AuditModule, IdentityModule],
  providers: [DemoCommand, MigrateCommand, UsersCommand, CreateUserCommand, AuditCommand, VerifyAuditCommand],
})
export class CliModule {}
