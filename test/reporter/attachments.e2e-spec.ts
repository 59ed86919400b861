import sharp from 'sharp';
import { parseExif } from '../../libs/evidence/src/processing/exif.rules';
import { inboxReportId } from '../support/anonymous-channel';
import { SignedInUser, startTestApi, TestApi, bytesOf } from '../support/test-api';
import { SAMPLE_REPORT, startTestReporter, TestReporter } from '../support/test-reporter';

/** A phone photo as a reporter might send it: EXIF with GPS, the device and an author. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: '#3a6ea5' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'ProbePhone', Model: 'Probe 9', Artist: 'PC 4471 Example' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 1234/100',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 4000/100',
      },
    })
    .toBuffer();
}

const IDENTIFYING = ['ProbePhone', 'Probe 9', 'PC 4471 Example'];

function formToken(html: string, index = 0): string {
  const tokens = [...html.matchAll(/name="_form" value="([^"]+)"/g)].map((m) => m[1]);
  if (!tokens[index]) throw new Error('no form token on the page');
  return tokens[index];
}

describe('attachments to anonymous reports', () => {
  let api: TestApi;
  let reporter: TestReporter;
  let investigator: SignedInUser;

  beforeAll(async () => {
    // a small limit, so the oversized case needs no large file
    process.env.REPORT_ATTACHMENT_MAX_MB = '1';
    api = await startTestApi();
    reporter = await startTestReporter();
    investigator = await api.signedIn(['investigator']);
  });
  afterAll(async () => {
    delete process.env.REPORT_ATTACHMENT_MAX_MB;
    await reporter.close();
    await api.close();
  });

  const count = async (table: string) =>
    (await reporter.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  const reportIdOf = (summary: string) => inboxReportId(api, investigator, summary);

  it('removes GPS, device and author from a JPEG before sealing it, and tells staff so', async () => {
    const photo = await jpegWithGps();
    const before = parseExif((await sharp(photo).metadata()).exif);
    expect(before).toMatchObject({ Make: 'ProbePhone', Artist: 'PC 4471 Example', GPSLatitudeRef: 'N' });
    expect(before?.GPSLatitude).toBeDefined();

    const summary = 'Photo of a team noticeboard with offensive cartoons';
    const auth = await reporter.signIn(await reporter.submit({ ...SAMPLE_REPORT, summary }));
    const sent = await reporter
      .http()
      .post('/api/report/attachments')
      .set(auth)
      .attach('file', photo, { filename: 'IMG_20261118_PC4471.jpg', contentType: 'image/jpeg' })
      .expect(201);
    expect(sent.body).toEqual({
      id: expect.any(String),
      type: 'image/jpeg',
      size: expect.any(Number),
      at: expect.stringMatching(/T\d\d:00:00\.000Z$/),
      metadataRemoved: true,
    });
    const view = await reporter.http().get('/api/report').set(auth).expect(200);
    expect(view.body.attachments).toEqual([sent.body]);

    // at rest: sealed, so neither the picture nor any of its old tags can be read from the row
    const [row] = await reporter.dataSource.query(
      `SELECT sealed, encode(sealed, 'escape') AS text FROM anonymous_report_attachments WHERE id = $1`,
      [sent.body.id],
    );
    expect((row.sealed as Buffer).subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(false);
    expect((row.sealed as Buffer).includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
    for (const word of [...IDENTIFYING, 'IMG_20261118']) expect(row.text as string).not.toContain(word);

    // staff: listed with the notice, served without any metadata
    const id = await reportIdOf(summary);
    const opened = await api.http().get(`/api/anonymous-reports/${id}`).set(investigator.auth).expect(200);
    expect(opened.body.attachments).toEqual([
      {
        id: sent.body.id,
        type: 'image/jpeg',
        size: sent.body.size,
        width: 640,
        height: 480,
        at: sent.body.at,
        metadataRemoved: true,
        notice: expect.stringContaining(
          'Identifying metadata (location, camera or phone, author, dates) was removed',
        ),
        href: `/api/anonymous-reports/${id}/attachments/${sent.body.id}`,
      },
    ]);
    const served = await api
      .http()
      .get(opened.body.attachments[0].href)
      .set(investigator.auth)
      .buffer(true)
      .parse(bytesOf)
      .expect(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    expect(served.headers['x-metadata-removed']).toBe('true');
    expect(served.headers['content-disposition']).toBe(
      `attachment; filename="report-attachment-${sent.body.id}.jpg"`,
    );
    const bytes = served.body as Buffer;
    expect(bytes.length).toBe(sent.body.size);
    const after = await sharp(bytes).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(parseExif(after.exif)).toBeNull();
    for (const word of [...IDENTIFYING, 'GPS', 'Exif']) expect(bytes.includes(Buffer.from(word))).toBe(false);

    // the read is audited with ids only
    const audit = await reporter.dataSource.query(
      `SELECT details::jsonb AS details FROM audit_events WHERE action = 'anonymous_report.attachment.read' AND entity_id = $1`,
      [id],
    );
    expect(audit).toEqual([{ details: { attachmentId: sent.body.id } }]);
    // not this report's attachment, or no such attachment: not found
    await api
      .http()
      .get(`/api/anonymous-reports/${id}/attachments/00000000-0000-4000-8000-000000000000`)
      .set(investigator.auth)
      .expect(404);
  });

  it('refuses oversized, disallowed, PDF and empty files with clear messages, storing nothing', async () => {
    const auth = await reporter.signIn(await reporter.submit());
    const before = await count('anonymous_report_attachments');
    const upload = (bytes: Buffer, filename: string) =>
      reporter.http().post('/api/report/attachments').set(auth).attach('file', bytes, { filename });

    const big = await upload(Buffer.alloc(1024 * 1024 + 10, 1), 'big.png');
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({
      code: 'attachment_too_large',
      message: 'The file is larger than the 1 MB allowed. Nothing was sent: attach a smaller screenshot.',
    });

    const pdf = await upload(Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'), 'a.pdf');
    expect(pdf.status).toBe(422);
    expect(pdf.body.code).toBe('attachment_not_accepted');
    expect(pdf.body.message).toContain('PDF files cannot be attached');
    expect(pdf.body.message).toContain('Take a screenshot of the page');

    const zip = await upload(Buffer.from('504b0304140000000000', 'hex'), 'a.png');
    expect(zip.status).toBe(422);
    expect(zip.body.message).toMatch(
      /^This is a ZIP file\. Attach a screenshot or photo as PNG, JPEG, WebP or GIF\. Nothing was sent\.$/,
    );

    const text = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg');
    expect(text.status).toBe(422);
    expect(text.body.message).toContain('a file of an unknown type');

    const empty = await upload(Buffer.alloc(0), 'empty.png');
    expect(empty.status).toBe(422);
    expect(empty.body).toMatchObject({ code: 'attachment_empty' });

    const broken = await upload((await jpegWithGps()).subarray(0, 300), 'cut.jpg');
    expect(broken.status).toBe(422);
    expect(broken.body.message).toContain('could not be read');

    const none = await reporter.http().post('/api/report/attachments').set(auth).field('x', 'y');
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('attachment_missing');

    // without a sign-in the file is never looked at
    await reporter
      .http()
      .post('/api/report/attachments')
      .attach('file', await jpegWithGps(), { filename: 'a.jpg' })
      .expect(401);

    expect(await count('anonymous_report_attachments')).toBe(before);
  });

  it('takes a screenshot with the portal report form, and refuses a PDF there without saving the report', async () => {
    const png = await sharp({ create: { width: 320, height: 200, channels: 4, background: '#ffffff' } })
      .png()
      .withExif({ IFD0: { Artist: 'PC 4471 Example' } })
      .toBuffer();
    const reports = await count('anonymous_reports');
    const attachments = await count('anonymous_report_attachments');

    let page = await reporter.http().get('/').expect(200);
    expect(page.text).toContain('enctype="multipart/form-data"');
    expect(page.text).toContain('Location, device and author details are removed');
    const refused = await reporter
      .http()
      .post('/report')
      .accept('text/html')
      .field('_form', formToken(page.text))
      .field('summary', 'Screenshot of a story <script>alert(1)</script>')
      .field('details', SAMPLE_REPORT.details)
      .attach('attachment', Buffer.from('%PDF-1.7\n%%EOF\n'), { filename: 'story.pdf' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('PDF files cannot be attached');
    expect(refused.text).toContain('href="#attachment"');
    expect(refused.text).toContain('Screenshot of a story &lt;script&gt;');
    expect(await count('anonymous_reports')).toBe(reports);

    page = await reporter.http().get('/').expect(200);
    const sent = await reporter
      .http()
      .post('/report')
      .field('_form', formToken(page.text))
      .field('summary', 'Screenshot of an Instagram story')
      .field('details', SAMPLE_REPORT.details)
      .field('platform', 'instagram')
      .attach('attachment', png, { filename: 'Screenshot PC4471.png', contentType: 'image/png' })
      .expect(200);
    const receipt = /id="receipt">(\d{4}(?: \d{4}){4})</.exec(sent.text)?.[1];
    expect(receipt).toBeDefined();
    expect(await count('anonymous_reports')).toBe(reports + 1);
    expect(await count('anonymous_report_attachments')).toBe(attachments + 1);

    // an empty file field (no file chosen) is no attachment
    page = await reporter.http().get('/').expect(200);
    await reporter
      .http()
      .post('/report')
      .field('_form', formToken(page.text))
      .field('summary', 'A second report with no screenshot')
      .field('details', SAMPLE_REPORT.details)
      .attach('attachment', Buffer.alloc(0), { filename: '' })
      .expect(200);
    expect(await count('anonymous_report_attachments')).toBe(attachments + 1);

    // a further screenshot with a reply, from the report page
    const signIn = await reporter.http().get('/sign-in').expect(200);
    const signedIn = await reporter
      .http()
      .post('/sign-in')
      .type('form')
      .send({ _form: formToken(signIn.text), receipt: receipt! })
      .expect(303);
    const cookie = (signedIn.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    let report = await reporter.http().get('/report').set('Cookie', cookie).expect(200);
    await reporter
      .http()
      .post('/report/messages')
      .set('Cookie', cookie)
      .field('_form', formToken(report.text))
      .field('body', 'Here is the second slide.')
      .attach('attachment', png, { filename: 'slide2.png' })
      .expect(303);
    report = await reporter.http().get('/report').set('Cookie', cookie).expect(200);
    expect(report.text).toContain('2 screenshots, with location, device and author details removed.');
    const refusedReply = await reporter
      .http()
      .post('/report/messages')
      .set('Cookie', cookie)
      .field('_form', formToken(report.text))
      .field('body', 'And a PDF')
      .attach('attachment', Buffer.from('%PDF-1.7\n%%EOF\n'), { filename: 'x.pdf' });
    expect(refusedReply.status).toBe(422);
    expect(refusedReply.text).toContain('PDF files cannot be attached');
    const messages = await reporter.dataSource.query(
      `SELECT count(*)::int AS n FROM anonymous_report_messages WHERE author = 'reporter'`,
    );
    expect(messages[0].n).toBe(1);
    expect(await count('anonymous_report_attachments')).toBe(attachments + 2);
  });
});
