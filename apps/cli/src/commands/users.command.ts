import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { systemContext } from '@precedent/audit';
import { ROLES, UsersService } from '@precedent/identity';

interface CreateOptions {
  username: string;
  password: string;
  role: string[];
  displayName?: string;
  team?: string;
}

@SubCommand({ name: 'create', description: 'Create a user with one or more roles (--role may repeat)' })
export class CreateUserCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run(_: string[], options: CreateOptions): Promise<void> {
    const missing = (['username', 'password'] as const).filter((k) => !options[k]);
    if (missing.length || !options.role?.length) {
      process.stderr.write(
        `Missing ${[...missing.map((m) => `--${m}`), ...(options.role?.length ? [] : ['--role'])].join(', ')}.\n` +
          `Usage: users create --username U --password P --role R [--role R2] [--display-name N] [--team T]\n` +
          `Roles: ${ROLES.join(', ')}\n`,
      );
      process.exitCode = 2;
      return;
    }
    const user = await this.users.create(
      {
        username: options.username,
        password: options.password,
        roles: options.role,
        displayName: options.displayName,
        team: options.team ?? null,
      },
      systemContext('cli'),
    );
    process.stdout.write(`Created user ${user.username} (${user.id}) with roles ${user.roles.join(', ')}.\n`);
  }

  @Option({ flags: '--username <username>', description: 'Sign-in name' })
  parseUsername(value: string): string {
    return value;
  }

  @Option({ flags: '--password <password>', description: `At least 12 characters` })
  parsePassword(value: string): string {
    return value;
  }

  @Option({ flags: '--role <role>', description: `One of ${ROLES.join(', ')}; repeat for more` })
  parseRole(value: string, previous: string[] = []): string[] {
    return [...previous, value];
  }

  @Option({ flags: '--display-name <name>', description: 'Name shown in the UI' })
  parseDisplayName(value: string): string {
    return value;
  }

  @Option({ flags: '--team <team>', description: 'Investigation team' })
  parseTeam(value: string): string {
    return value;
  }
}

@Command({ name: 'users', description: 'Manage users', subCommands: [CreateUserCommand] })
export class UsersCommand extends CommandRunner {
  async run(): Promise<void> {
    process.stdout.write('Usage: users create --username U --password P --role R [--role R2]\n');
  }
}
