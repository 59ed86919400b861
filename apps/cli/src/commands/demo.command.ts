import { addDays, format, parseISO } from 'date-fns';
import { Command, CommandRunner, Option } from 'nest-commander';
import { systemContext } from '@precedent/audit';
import { DemoCasesLoader } from '@precedent/cases';
import { DemoHearingsLoader } from '@precedent/hearings';
import { UsersService, type Role } from '@precedent/identity';
import { Clock, Env, servesRealUsers } from '@precedent/platform';

/** Fictional demo accounts, one per role. Passwords are printed: this is for a local demo only. */
const DEMO_USERS: { username: string; displayName: string; roles: Role[]; team?: string }[] = [
  { username: 'admin', displayName: 'Demo Administrator', roles: ['admin'] },
  { username: 'investigator', displayName: 'DC Sam Fictional', roles: ['investigator'], team: 'psd-north' },
  { username: 'authority', displayName: 'Supt Jo Example', roles: ['appropriate_authority'] },
  { username: 'panel', displayName: 'Chair Lee Sample', roles: ['panel_member'] },
  { username: 'senior', displayName: 'ACC Pat Placeholder', roles: ['senior_officer'] },
  // a second administrator, so the first has something to approve (roles that read case content
  // take effect only once another administrator approves them)
  { username: 'admin2', displayName: 'Demo Second Administrator', roles: ['admin'] },
];

/** How long the senior officer's demo grants last. */
const GRANT_DAYS = 60;

export const DEMO_PASSWORD = 'precedent-demo-2026';
/** Enough fictional cases to fill every status and page through the list (`--cases` for more, as bench:web loads). */
export const DEMO_CASES = 300;

@Command({
  name: 'demo',
  description:
    'Create the demo users and a few hundred fictional cases across every status; safe to run again',
})
export class DemoCommand extends CommandRunner {
  constructor(
    private readonly users: UsersService,
    private readonly demoCases: DemoCasesLoader,
    private readonly demoHearings: DemoHearingsLoader,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {
    super();
  }

  async run(_: string[], options: { cases?: number } = {}): Promise<void> {
    // the demo accounts' password is printed and published: never on a system real people use
    if (servesRealUsers(this.env)) {
      process.stderr.write(
        'The demo is not loaded here: this is a production system (NODE_ENV=production or an https PUBLIC_URL), ' +
          'and the demo creates an administrator with a published password. Create real users with `cli users create`.\n',
      );
      process.exitCode = 2;
      return;
    }
    const lines: string[] = [];
    const ids = new Map<string, string>();
    for (const demo of DEMO_USERS) {
      const user =
        (await this.users.findByUsername(demo.username)) ??
        (await this.users.create(
          { ...demo, password: DEMO_PASSWORD, team: demo.team ?? null },
          systemContext('demo'),
        ));
      ids.set(demo.username, user.id);
      lines.push(`  ${demo.username.padEnd(14)} ${DEMO_PASSWORD}   ${demo.roles.join(', ')}`);
    }
    process.stdout.write(`Demo users (username, password, roles):\n${lines.join('\n')}\n`);
    // Each administrator has given a new user a role that reads case content: each waits for the
    // other administrator, so both have one to approve on My work.
    const newcomers = [
      {
        username: 'new.investigator',
        displayName: 'DC Ali Newstart (fictional)',
        role: 'investigator',
        by: 'admin2',
      },
      {
        username: 'new.panel',
        displayName: 'Ms Rowan Newpanel (fictional)',
        role: 'panel_member',
        by: 'admin',
      },
    ] as const;
    for (const newcomer of newcomers) {
      if (await this.users.findByUsername(newcomer.username)) continue;
      await this.users.create(
        {
          username: newcomer.username,
          displayName: newcomer.displayName,
          password: DEMO_PASSWORD,
          roles: [newcomer.role],
          team: newcomer.role === 'investigator' ? 'psd-north' : null,
        },
        { actorId: ids.get(newcomer.by)!, actorName: newcomer.by, requestId: null },
      );
    }
    const result = await this.demoCases.load({
      count: options.cases ?? DEMO_CASES,
      seed: 'precedent-demo',
      today: this.clock.today(),
      investigatorId: ids.get('investigator')!,
      authorityId: ids.get('authority')!,
      team: 'psd-north',
    });
    process.stdout.write(
      result.loaded
        ? `Demo cases: ${result.loaded} fictional cases loaded across every status.\n`
        : `Demo cases: already loaded (${result.alreadyThere}); nothing added.\n`,
    );
    const hearings = await this.demoHearings.load({
      today: this.clock.today(),
      panelUserId: ids.get('panel')!,
      authorityId: ids.get('authority')!,
      force: this.env.FORCE_CODE || 'kent',
    });
    process.stdout.write(
      hearings.upcoming + hearings.concluded
        ? `Demo hearings: ${hearings.upcoming} coming up with seated panels, ${hearings.concluded} concluded with outcomes, ${hearings.appeals} appealed.\n`
        : 'Demo hearings: already loaded; nothing added.\n',
    );
    // after the hearings, so the decided cases the senior officer reviews have their outcomes
    const granted = await this.demoCases.grantForReview({
      seniorId: ids.get('senior')!,
      authorityId: ids.get('authority')!,
      until: format(addDays(parseISO(this.clock.today()), GRANT_DAYS), 'yyyy-MM-dd'),
    });
    if (granted)
      process.stdout.write(`Demo grants: ${granted} cases given to the senior officer to review.\n`);
  }

  @Option({ flags: '--cases <n>', description: `How many fictional cases (default ${DEMO_CASES})` })
  parseCases(value: string): number {
    const cases = Number(value);
    if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases must be a whole number ≥ 1');
    return cases;
  }
}
