import { Command, CommandRunner } from 'nest-commander';
import { systemContext } from '@precedent/audit';
import { UsersService, type Role } from '@precedent/identity';

/** Fictional demo accounts, one per role. Passwords are printed: this is for a local demo only. */
const DEMO_USERS: { username: string; displayName: string; roles: Role[]; team?: string }[] = [
  { username: 'admin', displayName: 'Demo Administrator', roles: ['admin'] },
  { username: 'investigator', displayName: 'DC Sam Fictional', roles: ['investigator'], team: 'psd-north' },
  { username: 'authority', displayName: 'Supt Jo Example', roles: ['appropriate_authority'] },
  { username: 'panel', displayName: 'Chair Lee Sample', roles: ['panel_member'] },
  { username: 'senior', displayName: 'ACC Pat Placeholder', roles: ['senior_officer'] },
];

export const DEMO_PASSWORD = 'precedent-demo-2026';

@Command({
  name: 'demo',
  description: 'Create the demo users (and, as features arrive, demo data); safe to run again',
})
export class DemoCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run(): Promise<void> {
    const lines: string[] = [];
    for (const demo of DEMO_USERS) {
      const existing = await this.users.findByUsername(demo.username);
      if (!existing) {
        await this.users.create(
          { ...demo, password: DEMO_PASSWORD, team: demo.team ?? null },
          systemContext('demo'),
        );
      }
      lines.push(`  ${demo.username.padEnd(14)} ${DEMO_PASSWORD}   ${demo.roles.join(', ')}`);
    }
    process.stdout.write(`Demo users (username, password, roles):\n${lines.join('\n')}\n`);
  }
}
