import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { PrecedentStore, syntheticPrecedents } from '@precedent/analytics';
import { conductProfile } from '../support/conduct-profile';
import { runCli } from '../support/cli';
import { startTestApi, type TestApi } from '../support/test-api';
import { eventually, startTestWorker } from '../support/test-worker';

describe('analytics through the CLI and the API', () => {
  let api: TestApi;
  let worker: INestApplication;
  const dir = mkdtempSync(join(tmpdir(), 'precedent-analytics-'));
  const file = join(dir, 'national.jsonl');
  const records = [...syntheticPrecedents({ cases: 3000, seed: 'e2e', biases: { kent: 1 } })].map(
    (c) => c.record,
  );
  writeFileSync(file, records.map((record) => JSON.stringify(record)).join('\n') + '\n');

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker();
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('imports a national file with the CLI, idempotently, and exports it back byte for byte', () => {
    const first = runCli(['precedents', 'import', file, '--json']);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ imported: 3000, updated: 0, rejected: 0, errors: [] });
    const again = runCli(['precedents', 'import', file, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ imported: 0, updated: 3000, rejected: 0 });

    const out = join(dir, 'export.jsonl');
    expect(runCli(['precedents', 'export', out]).status).toBe(0);
    // The same records, byte for byte, in force and ref order; and the same store exports the same bytes.
    const lines = (text: string) => text.split('\n').filter(Boolean);
    const exported = readFileSync(out, 'utf8');
    expect([...lines(exported)].sort()).toEqual([...lines(readFileSync(file, 'utf8'))].sort());
    const refs = lines(exported).map((line) => {
      const { force, ref } = JSON.parse(line) as { force: string; ref: string };
      return [force, ref];
    });
    expect(refs).toEqual(
      [...refs].sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1)),
    );
    const secondExport = join(dir, 'export-again.jsonl');
    expect(runCli(['precedents', 'export', secondExport]).status).toBe(0);
    expect(readFileSync(secondExport, 'utf8')).toBe(exported);
  });

  it('stores and exports text byte for byte: backslashes, tabs, line breaks, \\N, quotes and emoji', async () => {
    // The write goes through COPY's text format, where a backslash, tab, line break or `\N` means
    // something: each must come back exactly as it was read.
    const awkward =
      'back\\slash \\\\ two\ttab\nnewline\r\ncrlf \\N alone\\N \\x00 \\t "double" \'single\' “curly” é 😀 🏳️‍🌈 end\\';
    const record = {
      ...records[2999],
      ref: `${records[2999].force}:escapes-${randomUUID()}`,
      conduct: [{ ...records[2999].conduct[0], text: awkward }, ...records[2999].conduct.slice(1)],
      summary: '\\N',
    };
    const line = JSON.stringify(record);
    const escapes = join(dir, 'escapes.jsonl');
    writeFileSync(escapes, line + '\n');
    const imported = runCli(['precedents', 'import', escapes, '--json']);
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 1, rejected: 0 });
    const out = join(dir, 'escapes-export.jsonl');
    expect(runCli(['precedents', 'export', out, '--force', record.force]).status).toBe(0);
    const exported = readFileSync(out, 'utf8')
      .split('\n')
      .filter((text) => text.includes(record.ref));
    expect(exported).toEqual([line]);
    expect((JSON.parse(exported[0]) as typeof record).conduct[0].text).toBe(awkward);
    // Out of the store again (with a new data version), so the counts the later tests expect hold.
    await api.dataSource.query('DELETE FROM precedents WHERE ref = $1', [record.ref]);
    await api.dataSource.query('UPDATE analytics_state SET data_version = data_version + 1 WHERE id = 1');
  });

  it('reports bad lines by line and field (exit 1), refuses all under --strict, and exits 2 on an unreadable file', async () => {
    const bad = join(dir, 'bad.jsonl');
    const good = { ...records[0], ref: 'kent:new-1' };
    writeFileSync(
      bad,
      [
        JSON.stringify(good),
        '{not json',
        JSON.stringify({ ...records[1], ref: 'kent:new-2', forum: 'tribunal' }),
      ].join('\n'),
    );
    const strict = runCli(['precedents', 'import', bad, '--strict', '--json']);
    expect(strict.status).toBe(1);
    expect(JSON.parse(strict.stdout)).toMatchObject({ imported: 0, rejected: 2 });
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM precedents WHERE ref = 'kent:new-1'`,
    );
    expect(count).toBe(0);

    const lenient = JSON.parse(runCli(['precedents', 'import', bad, '--json']).stdout);
    expect(lenient.imported).toBe(1);
    expect(lenient.errors).toEqual([
      { line: 2, field: '', message: expect.stringContaining('not valid JSON') },
      { line: 3, field: 'forum', message: expect.stringContaining('misconduct_meeting') },
    ]);
    expect(runCli(['precedents', 'import', join(dir, 'missing.jsonl')]).status).toBe(2);
  });

  it('answers comparables with their parts, the outcome band and where a proposed outcome falls', async () => {
    const panel = await api.signedIn(['panel_member']);
    const { ref, profile } = conductProfile(records[10]);
    const response = await api
      .http()
      .post('/api/analytics/comparables')
      .set(panel.auth)
      .send({ profile, k: 10, proposedOutcome: 'dismissal_without_notice' })
      .expect(200);
    const { items } = response.body;
    expect(items).toHaveLength(10);
    expect(items[0]).toMatchObject({ ref, similarity: 1 });
    expect(Object.keys(items[0].parts).sort()).toEqual([
      'audience',
      'categories',
      'factors',
      'platform',
      'role',
      'targets',
      'text',
      'volume',
    ]);
    const similarities = items.map((item: { similarity: number }) => item.similarity);
    expect([...similarities].sort((a, b) => b - a)).toEqual(similarities);
    expect(response.body.band.lowStep).toBeLessThanOrEqual(response.body.band.highStep);
    expect(response.body.proposed).toMatchObject({ step: 6 });
    expect(
      response.body.distribution.reduce((sum: number, d: { weight: number }) => sum + d.weight, 0),
    ).toBeCloseTo(1, 2);

    const excluded = await api
      .http()
      .post('/api/analytics/comparables')
      .set(panel.auth)
      .send({ profile, filters: { excludeRefs: [ref], forces: ['kent'] } })
      .expect(200);
    expect(
      excluded.body.items.every(
        (item: { ref: string; force: string }) => item.ref !== ref && item.force === 'kent',
      ),
    ).toBe(true);
  });

  it('withholds the distribution and band, with the reason, when too few precedents are comparable', async () => {
    const panel = await api.signedIn(['panel_member']);
    const { subject, conduct, standards } = records[0];
    const response = await api
      .http()
      .post('/api/analytics/comparables')
      .set(panel.auth)
      .send({ profile: { subject, conduct, standards }, filters: { from: '2026-10-31' } })
      .expect(200);
    expect(response.body.band).toBeUndefined();
    expect(response.body.withheld).toMatch(/too few comparable cases/);
  });

  it('names each bad field of a profile', async () => {
    const panel = await api.signedIn(['panel_member']);
    const response = await api
      .http()
      .post('/api/analytics/comparables')
      .set(panel.auth)
      .send({ profile: { subject: { role: 'admiral' }, conduct: [], standards: ['x'] }, k: 0, colour: 1 })
      .expect(422);
    const fields = response.body.details.fields.map((problem: { field: string }) => problem.field);
    expect(fields).toEqual(
      expect.arrayContaining(['colour', 'profile.subject.role', 'profile.conduct', 'profile.standards', 'k']),
    );
  });

  it('imports through the API as a job with progress, then recomputes disparity in the background', async () => {
    const admin = await api.signedIn(['admin']);
    const extra = [...syntheticPrecedents({ cases: 200, seed: 'api-upload' })]
      .map((c) => JSON.stringify(c.record))
      .join('\n');
    const accepted = await api
      .http()
      .post('/api/precedents/import')
      .set(admin.auth)
      .set('content-type', 'application/x-ndjson')
      .send(extra)
      .expect(202);
    const imported = await eventually(
      async () => {
        const job = await api
          .http()
          .get(`/api/analytics/jobs/${accepted.body.jobId}`)
          .set(admin.auth)
          .expect(200);
        return job.body.status === 'succeeded' ? job.body : undefined;
      },
      { what: 'the import job', timeoutMs: 60_000 },
    );
    expect(imported.result).toMatchObject({ imported: 200, rejected: 0 });

    // The same file as a multipart upload: every record is already there, so all are updates.
    const multipart = await api
      .http()
      .post('/api/precedents/import?strict=true')
      .set(admin.auth)
      .attach('file', Buffer.from(extra), 'national.jsonl')
      .expect(202);
    const again = await eventually(
      async () => {
        const job = await api
          .http()
          .get(`/api/analytics/jobs/${multipart.body.jobId}`)
          .set(admin.auth)
          .expect(200);
        return job.body.status === 'succeeded' ? job.body : undefined;
      },
      { what: 'the multipart import job', timeoutMs: 60_000 },
    );
    expect(again.result).toMatchObject({ imported: 0, updated: 200, rejected: 0 });
    const empty = await api
      .http()
      .post('/api/precedents/import')
      .set(admin.auth)
      .set('content-type', 'application/x-ndjson')
      .send('')
      .expect(422);
    expect(empty.body.code).toBe('empty_upload');

    await api.http().get('/api/analytics/disparity').set(admin.auth).expect(404);
    const recompute = await api.http().post('/api/analytics/recompute').set(admin.auth).expect(202);
    await eventually(
      async () => {
        const job = await api.http().get(`/api/analytics/jobs/${recompute.body.jobId}`).set(admin.auth);
        if (job.body.status === 'failed') throw new Error(job.body.error);
        return job.body.status === 'succeeded' ? job.body : undefined;
      },
      // a bound, not a speed target: the recompute fits the similarity model and the inconsistent
      // pairs too, and a loaded 2-core machine (or a slow CI runner) takes minutes over it
      { what: 'the recompute job', timeoutMs: 240_000 },
    );
    const disparity = await api.http().get('/api/analytics/disparity').set(admin.auth).expect(200);
    expect(disparity.body).toMatchObject({ precedents: 3201, computedAt: expect.any(String) });
    expect(disparity.body.forces).toHaveLength(46);
    const kent = disparity.body.forces.find((force: { force: string }) => force.force === 'kent');
    expect(kent.relativeSeverity).toBeGreaterThan(0.5);
    expect(Object.keys(kent).sort()).toEqual([
      'ciHigh',
      'ciLow',
      'flagged',
      'force',
      'n',
      'relativeSeverity',
    ]);
    const investigatorDrift = disparity.body.stageDrift.find(
      (drift: { stage: string; force: string | null }) =>
        drift.stage === 'investigator' && drift.force === null,
    );
    expect(investigatorDrift).toMatchObject({
      n: 3201,
      meanDifference: expect.any(Number),
      changed: expect.any(Number),
    });
    expect(disparity.body.consistencyByYear.length).toBeGreaterThan(5);
    // how similarity was counted: learned from these precedents at this recompute, with its check
    const { similarity } = disparity.body;
    expect(similarity).toMatchObject({
      precedents: 3201,
      dataVersion: disparity.body.dataVersion,
      learned: expect.any(Boolean),
      check: { queries: expect.any(Number) },
    });
    const weights = Object.values(similarity.model.weights as Record<string, number>);
    expect(weights.reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 6);
    if (similarity.learned) expect(similarity.check.withLearned).toBeLessThan(similarity.check.withDefault);
    else expect(similarity.reason).toEqual(expect.any(String));
    const outliers = await api.http().get('/api/analytics/outliers').set(admin.auth).expect(200);
    expect(outliers.body.items.length).toBeGreaterThan(0);
  }, 420_000);

  it('prints the same disparity object from the CLI', () => {
    const result = runCli(['analytics', 'disparity', '--json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ precedents: 3201, consistencyIndex: expect.any(Number) });
    expect(report.forces).toHaveLength(46);
  });

  it('counts a query over only the parts it states, with the learned similarity when it states enough of it', async () => {
    const panel = await api.signedIn(['panel_member']);
    const { similarity, dataVersion } = (
      await api.http().get('/api/analytics/disparity').set(panel.auth).expect(200)
    ).body;
    // the recompute above learned weights from these 3,201 precedents (seeded, so always the same)
    expect(similarity.learned).toBe(true);
    const withText = records.find(
      (record) =>
        record.conduct.some((item) => item.text) &&
        record.aggravating.length > 0 &&
        record.culpability !== undefined &&
        record.harm !== undefined,
    )!;
    const item = withText.conduct.find((conduct) => conduct.text)!;
    const textOnly = {
      subject: withText.subject,
      standards: withText.standards,
      aggravating: [],
      mitigating: [],
      conduct: [
        {
          platform: item.platform,
          audience: item.audience,
          participation: item.participation,
          text: item.text,
          // the one structured field a profile must give besides where and whose (exchange format)
          categories: item.categories,
          targets: [],
        },
      ],
    };
    // the index of the imports before the recompute answers until this data version's has loaded
    const response = await eventually(
      async () => {
        const answer = await api
          .http()
          .post('/api/analytics/comparables')
          .set(panel.auth)
          .send({ profile: textOnly, k: 20 })
          .expect(200);
        return answer.body.dataVersion === dataVersion ? answer : undefined;
      },
      { what: "the comparables index of the store's current data version" },
    );
    // The learned weights lean on the factors this query leaves out: what it states carries too
    // little of them, so the fixed weights count it, over the parts it states, and say why.
    expect(response.body.similarityModel).toEqual({
      kind: 'default',
      reason: expect.stringMatching(/carries \d+% of the learned similarity's weight.*describe more/),
    });
    expect(response.body.withheld).toBeUndefined();
    expect(response.body.comparables).toBeGreaterThanOrEqual(3);
    expect(response.body.band.lowStep).toBeLessThanOrEqual(response.body.band.highStep);
    // the reasons are the parts it stated: the wording, its kind, where and to whom, the officer's part
    for (const found of response.body.items)
      expect(Object.keys(found.parts).sort()).toEqual(['audience', 'categories', 'platform', 'role', 'text']);

    // Stating the factors and levels but not who it was about nor how many: the learned weights
    // count it, over the parts it states, and the precedent it was taken from is the closest.
    const { ref, profile: full } = conductProfile(withText);
    const partial = {
      ...full,
      messageCount: undefined,
      conduct: full.conduct.map((conduct) => ({ ...conduct, targets: [], audienceSize: undefined })),
    };
    const learned = await api
      .http()
      .post('/api/analytics/comparables')
      .set(panel.auth)
      .send({ profile: JSON.parse(JSON.stringify(partial)), k: 20 })
      .expect(200);
    expect(learned.body.similarityModel).toEqual({
      kind: 'learned',
      dataVersion,
      learnedAt: similarity.learnedAt,
    });
    expect(learned.body.items[0]).toMatchObject({ ref, similarity: 1 });
    expect(Object.keys(learned.body.items[0].parts)).not.toContain('targets');
    expect(Object.keys(learned.body.items[0].parts)).not.toContain('volume');
    expect(Object.keys(learned.body.items[0].parts)).toContain('factors');
  });

  it('suggests categories and targets with the matched spans, from the starting lexicon', async () => {
    const investigator = await api.signedIn(['investigator']);
    const text = 'lol g0 b4ck t0 wh3re y0u c4me fr0m, did a P.N.C. check on him';
    const response = await api
      .http()
      .post('/api/analytics/suggest')
      .set(investigator.auth)
      .send({ text })
      .expect(200);
    expect(response.body.categories.map((c: { category: string }) => c.category).sort()).toEqual([
      'disclosure_of_police_information',
      'discriminatory',
    ]);
    expect(response.body.targets).toEqual([{ target: 'race', terms: ['go back to where you came from'] }]);
    const spans = response.body.matches.map((m: { start: number; end: number }) =>
      text.slice(m.start, m.end),
    );
    expect(spans).toEqual(['g0 b4ck t0 wh3re y0u c4me fr0m', 'P.N.C. check']);
  });

  it('lets administrators edit the lexicon, every edit versioned and audited, stale edits refused', async () => {
    const admin = await api.signedIn(['admin']);
    const investigator = await api.signedIn(['investigator']);
    await api
      .http()
      .post('/api/analytics/lexicon')
      .set(investigator.auth)
      .send({ term: 'x', category: 'other' })
      .expect(403);
    const bad = await api
      .http()
      .post('/api/analytics/lexicon')
      .set(admin.auth)
      .send({ term: 'zz top', category: 'rude' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('discriminatory');

    const created = await api
      .http()
      .post('/api/analytics/lexicon')
      .set(admin.auth)
      .send({ term: 'fictional phrase', category: 'abusive_or_offensive', note: 'test' })
      .expect(201);
    const id = created.body.id;
    const suggested = await api
      .http()
      .post('/api/analytics/suggest')
      .set(investigator.auth)
      .send({ text: 'a FICTIONAL phrase' });
    expect(suggested.body.categories).toEqual([
      { category: 'abusive_or_offensive', terms: ['fictional phrase'] },
    ]);

    const updated = await api
      .http()
      .patch(`/api/analytics/lexicon/${id}`)
      .set(admin.auth)
      .send({ version: created.body.version, target: 'age' })
      .expect(200);
    await api
      .http()
      .patch(`/api/analytics/lexicon/${id}`)
      .set(admin.auth)
      .send({ version: created.body.version, note: 'lost?' })
      .expect(409);
    await api
      .http()
      .patch(`/api/analytics/lexicon/${id}`)
      .set(admin.auth)
      .send({ version: updated.body.version, active: false })
      .expect(200);
    const after = await api
      .http()
      .post('/api/analytics/suggest')
      .set(investigator.auth)
      .send({ text: 'a fictional phrase' });
    expect(after.body.matches).toEqual([]);

    const versions = await api
      .http()
      .get(`/api/analytics/lexicon/${id}/versions`)
      .set(admin.auth)
      .expect(200);
    expect(
      versions.body.items.map((v: { version: number; change: string }) => [v.version, v.change]),
    ).toEqual([
      [1, 'created'],
      [2, 'updated'],
      [3, 'retired'],
    ]);
    const audit = await api
      .http()
      .get(`/api/audit?entityType=lexicon_entry&entityId=${id}`)
      .set(admin.auth)
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'lexicon.created',
      'lexicon.retired',
      'lexicon.updated',
    ]);
  });

  it("answers comparables for a case's own profile, only to users who may open the case", async () => {
    const investigator = await api.signedIn(['investigator'], { team: 'north' });
    const outsider = await api.signedIn(['investigator'], { team: 'south' });
    const created = await api
      .http()
      .post('/api/cases')
      .set(investigator.auth)
      .send({
        source: 'line_manager',
        receivedAt: '2026-11-02',
        summary: 'Comments in a group chat',
        reporter: { name: 'A Manager', contact: 'a.manager@example.police.uk' },
      })
      .expect(201);
    const caseId = created.body.id;
    await api.http().get(`/api/cases/${caseId}/comparables`).set(investigator.auth).expect(422);
    const { conduct, subject } = records[20];
    await api
      .http()
      .post(`/api/cases/${caseId}/subjects`)
      .set(investigator.auth)
      .send({ name: 'PC Fictional', staffNumber: '1234', role: subject.role, force: 'kent' })
      .expect(201);
    const item = conduct[0];
    await api
      .http()
      .post(`/api/cases/${caseId}/conduct-items`)
      .set(investigator.auth)
      .send({
        platform: item.platform,
        audience: item.audience,
        text: item.text,
        categories: item.categories,
        targets: item.targets,
        participation: item.participation,
      })
      .expect(201);
    const answer = await api
      .http()
      .get(`/api/cases/${caseId}/comparables?k=5`)
      .set(investigator.auth)
      .expect(200);
    expect(answer.body.items).toHaveLength(5);
    expect(answer.body.items[0].ref).toBe(records[20].ref);
    await api.http().get(`/api/cases/${caseId}/comparables`).set(outsider.auth).expect(404);

    // Once decided here, the case's precedent links back to it, for those who may open it only.
    const store = api.app.get(PrecedentStore);
    const decided = { ...records[20], ref: `kent:${created.body.reference}`, force: 'kent' };
    await api.dataSource.transaction((em) => store.recordInternal(em, decided, caseId));
    const ask = (user: { auth: Record<string, string> }) =>
      api
        .http()
        .post('/api/analytics/comparables')
        .set(user.auth)
        .send({ profile: { subject: decided.subject, conduct: decided.conduct }, k: 3 })
        .expect(200);
    await eventually(
      async () => {
        const mine = (await ask(investigator)).body.items.find(
          (item: { ref: string }) => item.ref === decided.ref,
        );
        return mine?.caseId === caseId ? mine : undefined;
      },
      { what: 'the new internal precedent in the index' },
    );
    const theirs = (await ask(outsider)).body.items.find((item: { ref: string }) => item.ref === decided.ref);
    expect(theirs).toBeDefined();
    expect(theirs.caseId).toBeUndefined();
  });

  it("refuses an imported record that would replace one of this force's own precedents, and says so (issue 14 item 9)", async () => {
    const store = api.app.get(PrecedentStore);
    const caseId = randomUUID();
    const own = { ...records[5], ref: `${records[5].force}:${randomUUID()}` };
    await api.dataSource.transaction((em) => store.recordInternal(em, own, caseId));
    const clash = join(dir, 'clash.jsonl');
    const fresh = { ...records[6], ref: `${records[6].force}:fresh-1` };
    // the same record: without the guard it would take the precedent over (source, case link)
    const replacing = { ...own };
    writeFileSync(clash, [JSON.stringify(fresh), JSON.stringify(replacing)].join('\n') + '\n');

    const run = runCli(['precedents', 'import', clash, '--json']);
    expect(run.status).toBe(1);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ imported: 1, updated: 0, rejected: 1 });
    expect(summary.errors).toEqual([
      { line: 2, field: 'ref', message: expect.stringContaining('cannot replace it') },
    ]);
    const stored = await api.dataSource.query<{ source: string; case_id: string }[]>(
      `SELECT source, case_id FROM precedents WHERE force = $1 AND ref = $2`,
      [own.force, own.ref],
    );
    expect(stored).toEqual([{ source: 'internal', case_id: caseId }]);
  });
});
