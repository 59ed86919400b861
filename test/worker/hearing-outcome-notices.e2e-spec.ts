import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { HearingsWithWorker, startHearingsWithWorker } from '../support/hearings-with-worker';
import { acceleratedDismissal } from '../support/referred-case';
import { TestClock } from '../support/test-clock';
import { eventually } from '../support/test-worker';

interface Notice {
  kind: string;
  dueOn: string;
  status: string;
  sentAt: string | null;
}

const REG_43 = ['chair_report_due', 'outcome_publication', 'outcome_publication_removal'];

/** reg 43: the chair's report deadline and the outcome report's publication go out through the worker. */
describe('reg 43 notices after an outcome, through the outbox and the worker', () => {
  const clock = new TestClock();
  let hearings: HearingsWithWorker;

  const previousMailDir = process.env.MAIL_DIR;
  let mailDir: string;

  beforeAll(async () => {
    // without SMTP_URL the mails are written to a folder: this spec's own
    mailDir = await mkdtemp(join(tmpdir(), 'precedent-outcome-mail-'));
    process.env.MAIL_DIR = mailDir;
    // Fri 21 May 2027: the accelerated hearing sits today, 10 working days after its notice
    clock.setToday('2027-05-21');
    hearings = await startHearingsWithWorker({ clock, team: 'west' });
  });

  afterAll(async () => {
    await hearings?.close();
    if (previousMailDir === undefined) delete process.env.MAIL_DIR;
    else process.env.MAIL_DIR = previousMailDir;
    await rm(mailDir, { recursive: true, force: true });
  });

  it("plans the chair's report over the late May bank holiday and keeps the outcome report up for 28 days", async () => {
    const { api, authority, investigator } = hearings;
    const { caseId, hearingId } = await acceleratedDismissal(
      api,
      { investigator, authority },
      {
        receivedAt: '2026-11-02',
        documentsSuppliedOn: '2027-05-07',
        sitsOn: '2027-05-21',
        staffNumber: '7781',
        email: 'robin.fictional@police.example',
        conduct: {
          platform: 'whatsapp',
          audience: 'direct_message',
          audienceSize: 1,
          text: 'fictional threatening words',
          categories: ['violent_or_threatening'],
          targets: [],
          offDuty: false,
          participation: 'author',
        },
      },
    );

    // the officer is emailed their outcome the same working day, and only they are
    const outcomeEmail = await eventually(
      async () => {
        const response = await api
          .http()
          .get(`/api/cases/${caseId}/notice-emails`)
          .set(investigator.auth)
          .expect(200);
        const items = response.body.items as {
          subject: string;
          to: string;
          status: string;
          deemedServedOn: string | null;
        }[];
        return items.find(
          (d) =>
            d.subject.endsWith('the outcome of your accelerated misconduct hearing') && d.status === 'sent',
        );
      },
      { what: "the officer's outcome email", timeoutMs: 30_000 },
    );
    expect(outcomeEmail.to).toBe('robin.fictional@police.example');
    expect(outcomeEmail.deemedServedOn).not.toBeNull();
    const written = await Promise.all(
      (await readdir(mailDir)).map(async (name) => simpleParser(await readFile(join(mailDir, name)))),
    );
    const outcomeMail = written.find((mail) =>
      mail.subject?.endsWith('the outcome of your accelerated misconduct hearing'),
    );
    expect(outcomeMail?.to).toMatchObject({
      text: expect.stringContaining('robin.fictional@police.example'),
    });
    expect(outcomeMail?.text).toContain('The outcome is: dismissal without notice.');
    expect(outcomeMail?.text).toContain('Police Appeals Tribunal');

    const reg43 = async () => {
      const view = await api.http().get(`/api/hearings/${hearingId}`).set(investigator.auth).expect(200);
      return (view.body.notices as Notice[]).filter((n) => REG_43.includes(n.kind));
    };
    // ends Fri 21 May: 24-28 May; published after the late May bank holiday (31 May), 28 days to 29 June
    expect((await reg43()).map((n) => [n.kind, n.dueOn, n.status])).toEqual([
      ['chair_report_due', '2027-05-28', 'scheduled'],
      ['outcome_publication', '2027-06-01', 'scheduled'],
      ['outcome_publication_removal', '2027-06-29', 'scheduled'],
    ]);

    // their days arrive
    await hearings.arriveAll();
    await eventually(async () => (await reg43()).every((n) => n.status === 'sent' && n.sentAt), {
      what: 'the reg 43 notices to be sent',
    });
    const sent = await hearings.noticesSent(caseId);
    expect(sent).toEqual(
      expect.arrayContaining([
        "The chair's report on the accelerated hearing that ended on 2027-05-21 is due to the appropriate authority by 2027-05-28 (reg 43(1)).",
        'Outcome report of the accelerated hearing published on the force website, to stay until 2027-06-29 (not less than 28 days, reg 43(7)).',
        'Outcome report of the accelerated hearing removed from the force website: published since 2027-06-01, 28 days have passed (reg 43(7)).',
      ]),
    );
  });
});
