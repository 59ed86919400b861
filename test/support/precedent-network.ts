// Helpers of the precedent network spec: the CLI run without blocking, a second database, a proxy that tampers.
import { spawn } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAINS } from './child-app';
import { templateName, withServer } from './databases';
import { dismissalOutcome } from './referred-case';
import type { SignedInUser, TestApi } from './test-api';

/** The built CLI as a child process, without blocking this process: instance A answers in it. */
export function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAINS.cli, ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ status: code ?? -1, stdout, stderr }));
  });
}

export async function createDatabase(name: string): Promise<void> {
  const runId = process.env.TEST_RUN_ID!;
  await withServer(async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName(runId)}"`);
        return;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  });
}

export function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

/**
 * Between B and A: passes A's pages on, or (when `tamper` is set) changes the outcome in the body
 * and keeps A's signature, as someone on the way could.
 */
export function tamperingProxy(target: () => number, state: { tamper: boolean }): Server {
  return createServer((req, res) => {
    const upstream = httpRequest(
      { host: '127.0.0.1', port: target(), path: req.url, method: 'GET', headers: req.headers },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          let body = Buffer.concat(chunks);
          if (state.tamper)
            body = Buffer.from(
              body.toString().replaceAll('"final_written_warning"', '"dismissal_without_notice"'),
            );
          const headers = { ...answer.headers, 'content-length': String(body.length) };
          res.writeHead(answer.statusCode ?? 502, headers).end(body);
        });
      },
    );
    upstream.end();
  });
}

/**
 * A case taken through the API to an accelerated hearing's dismissal on 21 May 2026, as the hearing
 * notices spec does: PC Robin Fictional of Leicestershire, the reporter and conduct given.
 */
export async function acceleratedDismissal(
  a: TestApi,
  people: { investigator: SignedInUser; authority: SignedInUser },
  facts: { staffNumber: string; reporter: { name: string; contact: string }; conduct: object },
): Promise<{ caseId: string; reference: string; subjectId: string; internalRef: string }> {
  const { investigator, authority } = people;
  const post = (path: string, user: SignedInUser, body: object) =>
    a.http().post(path).set(user.auth).send(body);
  const created = await post('/api/cases', investigator, {
    source: 'line_manager',
    receivedAt: '2025-11-02',
    summary: 'Threats to a member of the public in private messages.',
    reporter: facts.reporter,
  }).expect(201);
  const caseId = created.body.id as string;
  const reference = created.body.reference as string;
  const subject = await post(`/api/cases/${caseId}/subjects`, investigator, {
    name: 'PC Robin Fictional',
    staffNumber: facts.staffNumber,
    role: 'constable',
    rank: 'PC',
    force: 'leicestershire',
  }).expect(201);
  const subjectId = subject.body.id as string;
  const allegation = await post(`/api/cases/${caseId}/allegations`, investigator, {
    subjectId,
    standards: ['discreditable_conduct'],
    description: 'Sent threatening messages.',
  }).expect(201);
  await post(`/api/cases/${caseId}/conduct-items`, investigator, facts.conduct).expect(201);
  const current = await a.http().get(`/api/cases/${caseId}`).set(authority.auth).expect(200);
  await post(`/api/cases/${caseId}/assessment`, authority, {
    severity: 'gross_misconduct',
    rationale: 'Threats of violence; the evidence is the messages themselves.',
    version: current.body.version,
  }).expect(201);
  await post(`/api/cases/${caseId}/transitions`, authority, {
    to: 'assessed',
    reason: 'assessed',
  }).expect(201);
  await post(`/api/cases/${caseId}/transitions`, authority, {
    to: 'referred_to_accelerated_hearing',
    reason: 'The special conditions are met: the messages are conclusive.',
    specialConditionsCertified: true,
  }).expect(201);
  const chair = await post('/api/panel-members', authority, {
    name: 'Chief Constable',
    roles: ['chair'],
    rank: 'chief_constable',
    force: 'leicestershire',
  }).expect(201);
  const hearing = await post('/api/hearings', investigator, {
    caseId,
    documentsSuppliedOn: '2026-05-07',
    certifiedByUserId: authority.id,
  }).expect(201);
  const hearingId = hearing.body.id as string;
  await post(`/api/hearings/${hearingId}/proposed-date`, investigator, {
    date: '2026-05-21',
    startsAt: '09:30',
    remoteLink: 'https://meet.example.org/accelerated',
  }).expect(201);
  await post(`/api/hearings/${hearingId}/panel`, investigator, {
    panelMemberId: chair.body.id,
    role: 'chair',
  }).expect(201);
  await post(`/api/hearings/${hearingId}/fixed-date`, investigator, {}).expect(201);
  const recorded = await post(
    `/api/cases/${caseId}/outcome`,
    authority,
    dismissalOutcome(subjectId, allegation.body.id as string, '2026-05-21'),
  ).expect(201);
  return { caseId, reference, subjectId, internalRef: recorded.body.precedentRef as string };
}
