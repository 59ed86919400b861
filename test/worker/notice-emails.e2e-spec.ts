import type { AddressInfo } from 'node:net';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { HEARINGS_QUEUE } from '@precedent/hearings';
import { fixedHearing, HEARING_SEATS, hearingPanelPool } from '../support/fixed-hearing';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';
import { TestClock } from '../support/test-clock';
import { arriveDelayedJobs, eventually, startTestWorker } from '../support/test-worker';

interface Delivery {
  id: string;
  recipient: string;
  to: string;
  subject: string;
  status: string;
  serverAnswer: string | null;
  attempts: number;
  deemedServedOn: string | null;
  withCalendar: boolean;
}

/**
 * Notices delivered by email to a real SMTP server started here: the officer's hearing notice with
 * a valid calendar invitation, the panel members' seating notices, the deemed-service day on the
 * case; and, with the server refusing, the notice failed with its answer, on My work, and retried.
 */
describe('notices delivered by email', () => {
  const clock = new TestClock();
  const received: ParsedMail[] = [];
  let refusing = false;
  let smtp: SMTPServer;
  let api: TestApi;
  let worker: INestApplication;
  let queue: Queue;
  let authority: SignedInUser;
  let investigator: SignedInUser;
  const members: string[] = [];
  const previousSmtpUrl = process.env.SMTP_URL;

  async function emails(caseId: string): Promise<Delivery[]> {
    const response = await api
      .http()
      .get(`/api/cases/${caseId}/notice-emails`)
      .set(investigator.auth)
      .expect(200);
    return response.body.items as Delivery[];
  }

  /** A referred case whose officer has an email address, with a hearing fixed for the day (the panel sits once a day). */
  async function arrangedHearing(officerEmail: string, date = '2027-04-01'): Promise<string> {
    const { caseId } = await fixedHearing(api, { authority, investigator }, members, {
      documentsSuppliedOn: '2027-02-26',
      date,
      place: { venue: 'Force HQ, Committee Room 2' },
      subject: {
        name: 'PC Robin Sample',
        staffNumber: '9911',
        role: 'constable',
        force: 'leicestershire',
        email: officerEmail,
      },
    });
    return caseId;
  }

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (refusing) {
          const error = Object.assign(new Error('Mailbox unavailable: try again later'), {
            responseCode: 550,
          });
          callback(error);
          return;
        }
        callback();
      },
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            received.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

    // Monday 1 March 2027, about noon in London: an email now is served today
    clock.setToday('2027-03-01');
    api = await startTestApi({ clock });
    worker = await startTestWorker({ clock });
    queue = worker.get<Queue>(getQueueToken(HEARINGS_QUEUE), { strict: false });
    authority = await api.signedIn(['appropriate_authority']);
    investigator = await api.signedIn(['investigator'], { team: 'south' });
    const people = ['Chair Person', 'Independent Person', 'Lay Person', 'Adviser Person'];
    members.push(
      ...(await hearingPanelPool(
        api,
        authority,
        HEARING_SEATS.map((role, i) => ({
          name: people[i],
          email: `${role.replace(/_/g, '-')}@panel.example`,
        })),
      )),
    );
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    if (previousSmtpUrl === undefined) delete process.env.SMTP_URL;
    else process.env.SMTP_URL = previousSmtpUrl;
  });

  it('emails the officer the hearing with a valid calendar invitation, seats the panel by email, and records the deemed-service day', async () => {
    const caseId = await arrangedHearing('robin.sample@police.example');
    const sent = await eventually(
      async () => {
        const all = await emails(caseId);
        return all.length === 6 && all.every((d) => d.status === 'sent') ? all : undefined;
      },
      { what: 'the notice emails sent', timeoutMs: 30_000 },
    );
    // the referral and the hearing date to the officer; the seating to each of the four panel members
    expect(
      sent
        .filter((d) => d.recipient === 'officer')
        .map((d) => d.subject)
        .sort(),
    ).toEqual([
      expect.stringMatching(/: you have been referred to a misconduct hearing$/),
      expect.stringMatching(/: your misconduct hearing is on 2027-04-01$/),
    ]);
    expect(
      sent
        .filter((d) => d.recipient === 'panel_member')
        .map((d) => d.to)
        .sort(),
    ).toEqual([
      'chair@panel.example',
      'independent-member@panel.example',
      'lay-member@panel.example',
      'legally-qualified-adviser@panel.example',
    ]);
    expect(new Set(sent.map((d) => d.deemedServedOn))).toEqual(new Set(['2027-03-01']));

    // what arrived at the SMTP server
    const officerMail = received.find(
      (m) =>
        m.to &&
        JSON.stringify(m.to).includes('robin.sample@police.example') &&
        /hearing is on/.test(m.subject ?? ''),
    );
    expect(officerMail).toBeDefined();
    expect(officerMail!.text).toContain('2027-04-01 at 09:30 at Force HQ, Committee Room 2');
    expect(officerMail!.text).not.toMatch(/Offensive post|Discriminatory/);
    const ics = officerMail!.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(ics).toBeDefined();
    const calendar = ics!.content.toString('utf8');
    // RFC 5545: CRLF line ends, lines of at most 75 octets, one event at the hearing's time (BST: 08:30 UTC)
    expect(calendar.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(calendar.trimEnd().endsWith('END:VCALENDAR')).toBe(true);
    expect(calendar).toContain('\r\nBEGIN:VEVENT\r\n');
    expect(calendar).toContain('\r\nDTSTART:20270401T083000Z\r\n');
    for (const line of calendar.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(calendar.replace(/\r\n/g, '')).not.toMatch(/\n/);
    for (const address of ['chair@panel.example', 'lay-member@panel.example']) {
      const seating = received.find((m) => JSON.stringify(m.to).includes(address));
      expect(seating?.subject).toMatch(/you are sitting on a misconduct hearing on 2027-04-01/);
    }

    // the deemed-service day is on the case's timeline
    const timeline = await api.http().get(`/api/cases/${caseId}/timeline`).set(investigator.auth).expect(200);
    const reasons = (timeline.body.items as { reason: string }[]).map((e) => e.reason);
    expect(reasons).toContainEqual(
      expect.stringMatching(/^Emailed to PC Robin Sample: .*Deemed served on 2027-03-01\.$/),
    );
  });

  it('marks a refused notice failed with the server answer, shows it on My work, and retries it through the outbox', async () => {
    refusing = true;
    const caseId = await arrangedHearing('robin.sample@refusing.example', '2027-04-06');
    const failed = await eventually(
      async () => {
        const all = await emails(caseId);
        return all.length === 6 && all.every((d) => d.status === 'failed') ? all : undefined;
      },
      { what: 'the refused emails failed', timeoutMs: 30_000 },
    );
    expect(failed[0].serverAnswer).toMatch(/550/);
    expect(failed[0].deemedServedOn).toBeNull();

    // My work shows them to the investigator (signed in through the web form)
    const agent = request.agent(api.app.getHttpServer());
    const signIn = await agent.get('/sign-in').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(signIn.text)![1];
    await agent
      .post('/sign-in')
      .type('form')
      .send({ username: investigator.username, password: investigator.password, _csrf: csrf })
      .expect(303);
    const myWork = await agent.get('/').set('Accept', 'text/html').expect(200);
    expect(myWork.text).toContain('Notices that could not be emailed');
    expect(myWork.text).toContain('robin.sample@refusing.example');
    expect(myWork.text).toContain('Mailbox unavailable');

    // an investigator of another team may not retry an email of this case: for them it does not exist
    const outsider = await api.signedIn(['investigator'], { team: 'north' });
    await api.http().post(`/api/notice-emails/${failed[0].id}/retry`).set(outsider.auth).expect(404);

    // the server accepts again; "Try again" on My work (a form with its CSRF token) sends one at once
    refusing = false;
    const form = new RegExp(
      `action="/notice-emails/${failed[0].id}/retry"[^>]*>\\s*<input type="hidden" name="_csrf" value="([^"]+)"`,
    ).exec(myWork.text);
    expect(form).not.toBeNull();
    await agent.post(`/notice-emails/${failed[0].id}/retry`).type('form').send({}).expect(403);
    await agent
      .post(`/notice-emails/${failed[0].id}/retry`)
      .type('form')
      .send({ _csrf: form![1] })
      .expect(303)
      .expect('location', '/#undelivered-notices');
    const [audited] = (await api.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'notice_email.retry' AND entity_id = $1 AND actor_id = $2`,
      [failed[0].id, investigator.id],
    )) as { n: number }[];
    expect(audited.n).toBe(1);

    // the retries waiting in the outbox go out
    const failedIds = new Set(failed.map((d) => d.id));
    const sent = await eventually(
      async () => {
        await arriveDelayedJobs(api.dataSource, queue);
        const retried = (await emails(caseId)).filter((d) => failedIds.has(d.id));
        return retried.every((d) => d.status === 'sent') ? retried : undefined;
      },
      { what: 'the retried emails sent', timeoutMs: 30_000 },
    );
    // each sent exactly once after the failure, though an automatic retry and "Try again" may both be queued
    expect(sent.map((d) => d.attempts)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(new Set(sent.map((d) => d.deemedServedOn))).toEqual(new Set(['2027-03-01']));
    const after = await agent.get('/').set('Accept', 'text/html').expect(200);
    expect(after.text).not.toContain('robin.sample@refusing.example');
  });
});
