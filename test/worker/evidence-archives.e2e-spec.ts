import { createHash } from 'node:crypto';
import { pngWithText } from '../support/evidence-fixtures';
import { EvidenceWithWorker, startEvidenceWithWorker } from '../support/evidence-with-worker';
import type { TestApi } from '../support/test-api';
import { eventually } from '../support/test-worker';
import { CHAT_FORMS } from '../support/whatsapp-chat-forms';
import { zip } from '../support/zip-writer';

const LRM = '\u200e';

/** A fictional Android (UK) group chat: a system line, a multi-line message, markers, an obfuscated word. */
const ANDROID_CHAT = [
  '13/01/2026, 14:30 - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.',
  '13/01/2026, 14:31 - Sam Fictional created group "Night shift"',
  '13/01/2026, 14:32 - Sam Fictional: meet at the depot before briefing',
  'and bring the r.o.t.a',
  '13/01/2026, 14:33 - Alex Example: <Media omitted>',
  '14/01/2026, 09:05 - Alex Example: This message was deleted',
  '14/01/2026, 09:06 - Jo Placeholder: sooo laaate again <This message was edited>',
  '02/02/2026, 22:10 - Jo Placeholder: the new rota is out',
].join('\n');

/** A fictional iOS chat, as inside its ZIP: bracketed times with seconds, direction marks, an attachment. */
const IOS_CHAT = [
  `${LRM}[13/01/2026, 14:30:00] Sam Fictional: ${LRM}Messages and calls are end-to-end encrypted.`,
  '[13/01/2026, 14:31:05] Sam Fictional: parade at the depot 0600',
  `${LRM}[13/01/2026, 14:31:40] Alex Example: ${LRM}<attached: 00000012-PHOTO-2026-01-13-14-31-40.jpg>`,
].join('\n');

describe('archive parsing in the worker: WhatsApp chats into searchable posts, and refused archives', () => {
  let evidence: EvidenceWithWorker;
  let api: TestApi;
  let auth: { Authorization: string };
  let caseId: string;

  beforeAll(async () => {
    evidence = await startEvidenceWithWorker();
    ({ api, auth } = evidence);
    caseId = await newCase();
  });
  afterAll(() => evidence?.close());

  const newCase = () => evidence.newCase('A WhatsApp group of response officers.');

  interface ItemBody {
    id: string;
    status: string;
    sha256: string;
    error?: string;
    archive: {
      format: string;
      entry: string | null;
      entrySha256: string;
      posts: number;
      participants: string[];
      dateOrder: string;
    };
  }

  async function uploadAndSettle(bytes: Buffer, name: string, into = caseId): Promise<ItemBody> {
    const uploaded = await api
      .http()
      .post(`/api/cases/${into}/evidence`)
      .set(auth)
      .field('platform', 'whatsapp')
      .attach('file', bytes, name)
      .expect(201);
    return settled(uploaded.body.id as string);
  }

  async function settled(id: string): Promise<ItemBody> {
    return eventually(
      async () => {
        const item = await api.http().get(`/api/evidence/${id}`).set(auth).expect(200);
        return ['processed', 'failed'].includes(item.body.status) ? (item.body as ItemBody) : undefined;
      },
      { what: `evidence ${id} to be processed`, timeoutMs: 45_000, intervalMs: 250 },
    );
  }

  async function search(query: Record<string, string>, into = caseId) {
    const response = await api.http().get(`/api/cases/${into}/posts`).set(auth).query(query).expect(200);
    return response.body as {
      total: number;
      items: {
        id: string;
        source: string;
        evidenceId: string;
        author: string | null;
        text: string;
        facts: string[];
        postedAt: string | null;
        locator: Record<string, unknown>;
      }[];
    };
  }

  it('parses an Android chat into posts with facts and locators, searchable by word, obfuscation, author and date', async () => {
    const item = await uploadAndSettle(Buffer.from(ANDROID_CHAT), 'WhatsApp Chat with Night shift.txt');
    expect(item.status).toBe('processed');
    expect(item.archive).toMatchObject({
      format: 'whatsapp',
      entry: null,
      entrySha256: item.sha256,
      posts: 7,
      participants: ['Sam Fictional', 'Alex Example', 'Jo Placeholder'],
      dateOrder: 'dmy',
    });

    const all = await search({});
    expect(all.total).toBe(7);
    expect(all.items.map((p) => [p.author, p.facts])).toEqual([
      [null, ['system']],
      [null, ['system']],
      ['Sam Fictional', []],
      ['Alex Example', ['media_omitted']],
      ['Alex Example', ['deleted']],
      ['Jo Placeholder', ['edited']],
      ['Jo Placeholder', []],
    ]);
    const multiLine = all.items[2];
    expect(multiLine).toMatchObject({
      source: 'archive_post',
      evidenceId: item.id,
      text: 'meet at the depot before briefing\nand bring the r.o.t.a',
      postedAt: '2026-01-13T14:32:00.000Z',
      locator: { entry: null, entrySha256: item.sha256, line: 3, lines: 2 },
    });

    // a word, in another form
    expect((await search({ q: 'briefings' })).items.map((p) => p.id)).toEqual([multiLine.id]);
    // written with separators in the post, plainly in the query: found by its letters
    const rota = await search({ q: 'rota' });
    expect(rota.items.map((p) => p.text)).toEqual([multiLine.text, 'the new rota is out']);
    // written with digits for letters in the query
    expect((await search({ q: 'd3p0t' })).items.map((p) => p.id)).toEqual([multiLine.id]);
    // letters repeated in the post
    expect((await search({ q: 'late again' })).items.map((p) => p.author)).toEqual(['Jo Placeholder']);
    expect((await search({ author: 'jo place' })).total).toBe(2);
    expect((await search({ from: '2026-02-01', to: '2026-02-28' })).items.map((p) => p.text)).toEqual([
      'the new rota is out',
    ]);
    expect((await search({ q: 'rota', to: '2026-01-13' })).total).toBe(1);

    const parts = await api.http().get(`/api/evidence/${item.id}/participants`).set(auth).expect(200);
    expect(
      parts.body.items.map((p: Record<string, unknown>) => [
        p.name,
        p.sent,
        p.mediaShared,
        p.deleted,
        p.received,
        p.membershipFrom,
      ]),
    ).toEqual([
      ['Sam Fictional', 1, 0, 0, 4, 'system_lines'],
      ['Alex Example', 2, 1, 1, 3, 'whole_export'],
      ['Jo Placeholder', 2, 0, 0, 3, 'whole_export'],
    ]);

    const bad = await api
      .http()
      .get(`/api/cases/${caseId}/posts`)
      .set(auth)
      .query({ platform: 'myspace' })
      .expect(400);
    expect(JSON.stringify(bad.body.details)).toMatch(/platform must be one of/);
  });

  it('reads the chat inside an iOS ZIP, with the entry and its hash on every post, and finds OCR text too', async () => {
    const kase = await newCase();
    const chat = Buffer.from(IOS_CHAT);
    const archive = zip([
      { name: '_chat.txt', data: chat },
      { name: '00000012-PHOTO-2026-01-13-14-31-40.jpg', data: Buffer.alloc(100, 1) },
    ]);
    const item = await uploadAndSettle(archive, 'WhatsApp Chat - Night shift.zip', kase);
    expect(item.status).toBe('processed');
    const entrySha256 = createHash('sha256').update(chat).digest('hex');
    expect(item.archive).toMatchObject({ entry: '_chat.txt', entrySha256, posts: 3 });

    // every member hashed, the media file too
    const members = await api.http().get(`/api/evidence/${item.id}/members`).set(auth).expect(200);
    expect(members.body.items).toEqual([
      { name: '_chat.txt', size: chat.length, sha256: entrySha256 },
      {
        name: '00000012-PHOTO-2026-01-13-14-31-40.jpg',
        size: 100,
        sha256: createHash('sha256').update(Buffer.alloc(100, 1)).digest('hex'),
      },
    ]);

    const posts = await search({}, kase);
    expect(posts.items[2]).toMatchObject({
      author: 'Alex Example',
      facts: ['attachment'],
      locator: { entry: '_chat.txt', entrySha256, line: 3, lines: 1 },
    });
    expect(posts.items[0].text).toBe('Messages and calls are end-to-end encrypted.');

    const screenshot = await uploadAndSettle(
      await pngWithText(['Fictional parade at the depot']),
      'shot.png',
      kase,
    );
    expect(screenshot.status).toBe('processed');
    const depot = await search({ q: 'depot' }, kase);
    expect(depot.items.map((p) => p.source).sort()).toEqual(['archive_post', 'ocr']);
    expect(depot.items.find((p) => p.source === 'ocr')).toMatchObject({
      evidenceId: screenshot.id,
      locator: { ocr: true, entrySha256: screenshot.sha256 },
    });
  });

  it('recognises every export form, Android and iOS, as a bare .txt and inside its ZIP', async () => {
    const kase = await newCase();
    for (const form of CHAT_FORMS) {
      const chat = Buffer.from(form.lines.join('\n'));
      const name = form.form.startsWith('iOS') ? '_chat.txt' : 'WhatsApp Chat with Ada Fictional.txt';
      const expected = { form: form.form, status: 'processed', posts: 2, dateOrder: form.dateOrder };
      const bare = await uploadAndSettle(chat, name, kase);
      expect({ form: form.form, status: bare.status, error: bare.error }).toEqual({
        form: form.form,
        status: 'processed',
        error: undefined,
      });
      expect({ form: form.form, status: bare.status, ...bare.archive }).toMatchObject({
        ...expected,
        entry: null,
      });
      const zipped = await uploadAndSettle(zip([{ name, data: chat }]), `${form.form}.zip`, kase);
      expect({ form: form.form, status: zipped.status, ...zipped.archive }).toMatchObject({
        ...expected,
        entry: name,
      });
      // the first message, with its local time, from both
      const posts = await search({ author: 'Ada Fictional' }, kase);
      for (const item of [bare, zipped]) {
        const post = posts.items.find((p) => p.evidenceId === item.id) as
          { postedAtLocal?: string } | undefined;
        expect({ form: form.form, local: post?.postedAtLocal }).toEqual({
          form: form.form,
          local: form.first,
        });
      }
    }
  }, 120_000);

  it('asks the investigator for the date order when the file cannot settle it, and records the choice', async () => {
    const ambiguous = ['01/02/2026, 10:00 - Sam Fictional: a', '02/03/2026, 10:00 - Sam Fictional: b'].join(
      '\n',
    );
    const item = await uploadAndSettle(Buffer.from(ambiguous), 'chat.txt');
    expect(item.status).toBe('failed');
    expect(item.error).toMatch(/day\/month or month\/day cannot be told from the file.*Choose the order/);

    await api
      .http()
      .post(`/api/evidence/${item.id}/chat-date-order`)
      .set(auth)
      .send({ order: 'mdy' })
      .expect(202);
    const parsed = await settled(item.id);
    expect(parsed.status).toBe('processed');
    expect(parsed.archive).toMatchObject({ dateOrder: 'mdy', posts: 2 });
    const custody = await api.http().get(`/api/evidence/${item.id}/custody`).set(auth).expect(200);
    const actions = custody.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['uploaded', 'processing_failed', 'date_order_chosen', 'processed']),
    );
    const choice = custody.body.items.find((e: { action: string }) => e.action === 'date_order_chosen');
    expect(choice.details).toEqual({ order: 'mdy' });
  });

  it('refuses damaged, hostile and unknown archives with a reason on the item, the original intact', async () => {
    const kase = await newCase();
    const good = zip([{ name: '_chat.txt', data: IOS_CHAT }]);
    const bomb = zip([{ name: '_chat.txt', data: Buffer.alloc(20 * 1024 * 1024, 0x20) }]);
    const cases: [string, Buffer, RegExp][] = [
      ['truncated.zip', good.subarray(0, Math.floor(good.length / 2)), /damaged or truncated/],
      ['escape.zip', zip([{ name: '../../etc/_chat.txt', data: IOS_CHAT }]), /invalid relative path/],
      ['absolute.zip', zip([{ name: '/tmp/_chat.txt', data: IOS_CHAT }]), /absolute path/],
      ['bomb.zip', bomb, /possible ZIP bomb/],
      [
        'holiday.zip',
        zip([{ name: 'photos/readme.md', data: 'fictional' }]),
        /No parser recognises this archive/,
      ],
      [
        'comments.json',
        Buffer.from('{ "comments_v2": [ { "timestamp": 1700000000, '),
        /comments\.json is not valid JSON/,
      ],
      ['other.json', Buffer.from('{ "fictional": "settings" }'), /No parser recognises this JSON file/],
      [
        'tweets.js',
        Buffer.from(
          'window.YTD.tweets.part0 = [ { "tweet": { "id_str": "1" } } ];\nfetch("https://example.invalid")',
        ),
        /code after the array; it is refused, never run/,
      ],
      [
        'twitter-truncated.zip',
        zip([
          {
            name: 'data/tweets.js',
            data: 'window.YTD.tweets.part0 = [ { "tweet": { "id_str": "1", "full_text": "cut',
          },
        ]),
        /data\/tweets\.js cannot be read as X archive data: .*truncated/,
      ],
      [
        'note.txt',
        Buffer.from('A fictional note\nwith no dates at all.'),
        /No parser recognises this text file/,
      ],
    ];
    for (const [name, bytes, reason] of cases) {
      const item = await uploadAndSettle(bytes, name, kase);
      expect({ name, status: item.status }).toEqual({ name, status: 'failed' });
      expect(item.error).toMatch(reason);
      const verified = await api.http().post(`/api/evidence/${item.id}/verify`).set(auth).expect(200);
      expect(verified.body.result).toBe('intact');
    }
    expect((await search({}, kase)).total).toBe(0);
    // an archive no parser reads still has each member hashed
    const listed = await api.http().get(`/api/cases/${kase}/evidence`).set(auth).expect(200);
    const holiday = listed.body.items.find((i: { originalName: string }) => i.originalName === 'holiday.zip');
    expect(holiday.archiveMembers).toMatchObject({ count: 1 });

    // a failed item can be queued again; it fails again for the same reason
    const [, truncated] = cases[0];
    const again = await api.http().get(`/api/cases/${kase}/evidence`).set(auth).expect(200);
    const first = again.body.items.find(
      (i: { sha256: string }) => i.sha256 === createHash('sha256').update(truncated).digest('hex'),
    );
    const requeued = await api.http().post(`/api/evidence/${first.id}/process`).set(auth).expect(202);
    expect(requeued.body.status).toBe('queued');
    expect((await settled(first.id)).error).toMatch(/damaged or truncated/);
    await api.http().post(`/api/evidence/${first.id}/process`).set(auth).expect(202);
    await settled(first.id);
  }, 90_000);

  it('promotes a found message, and an OCR passage, to conduct items that keep the link and the hash', async () => {
    const kase = await newCase();
    const chat = await uploadAndSettle(Buffer.from(ANDROID_CHAT), 'WhatsApp Chat with Night shift.txt', kase);
    const [post] = (await search({ q: 'd3p0t' }, kase)).items;

    const promoted = await api
      .http()
      .post(`/api/cases/${kase}/conduct-items`)
      .set(auth)
      .send({
        source: { archivePostId: post.id },
        audience: 'private_group',
        categories: ['abusive_or_offensive'],
      })
      .expect(201);
    expect(promoted.body).toMatchObject({
      platform: 'whatsapp',
      text: post.text,
      postedAt: '2026-01-13T14:32:00.000Z',
      source: {
        evidenceId: chat.id,
        archivePostId: post.id,
        sha256: chat.sha256,
        locator: { entry: null, line: 3, lines: 2, author: 'Sam Fictional' },
      },
    });

    const shot = await uploadAndSettle(
      await pngWithText(['Fictional meeting at the depot']),
      'shot.png',
      kase,
    );
    const ocr = await api.http().get(`/api/evidence/${shot.id}/ocr`).set(auth).expect(200);
    const from = (ocr.body.words as { text: string }[]).findIndex((w) => w.text === 'at');
    const passage = await api
      .http()
      .post(`/api/cases/${kase}/conduct-items`)
      .set(auth)
      .send({
        source: { ocrEvidenceId: shot.id, words: { from, to: from + 2 } },
        audience: 'private_group',
        categories: ['abusive_or_offensive'],
      })
      .expect(201);
    expect(passage.body).toMatchObject({
      platform: 'whatsapp',
      text: 'at the depot',
      source: { evidenceId: shot.id, archivePostId: null, sha256: shot.sha256, locator: { ocr: true } },
    });

    const custody = await api.http().get(`/api/evidence/${chat.id}/custody`).set(auth).expect(200);
    const promotion = custody.body.items.find((e: { action: string }) => e.action === 'promoted');
    expect(promotion).toMatchObject({
      sha256: chat.sha256,
      details: { conductItemId: promoted.body.id, archivePostId: post.id },
    });

    // a post of another case, or no text and no source, is refused by field
    const other = await api
      .http()
      .post(`/api/cases/${caseId}/conduct-items`)
      .set(auth)
      .send({
        source: { archivePostId: post.id },
        audience: 'private_group',
        categories: ['abusive_or_offensive'],
      })
      .expect(422);
    expect(other.body.code).toBe('unknown_source');
    const none = await api
      .http()
      .post(`/api/cases/${kase}/conduct-items`)
      .set(auth)
      .send({ audience: 'private_group', categories: ['abusive_or_offensive'] })
      .expect(400);
    expect(JSON.stringify(none.body.details)).toMatch(/text/);
  }, 60_000);

  it('reads an X archive: tweets, deleted and note tweets, as posts with links, facts and record locators', async () => {
    const kase = await newCase();
    const tweets = `window.YTD.tweets.part0 = [ {
      "tweet" : { "id_str" : "1001", "full_text" : "Fictional post about the depot rota", "created_at" : "Tue Jan 13 14:30:00 +0000 2026",
                  "favorite_count" : "3", "retweet_count" : "0" } },
      { "tweet" : { "id_str" : "1002", "full_text" : "RT @someone_fictional: shared words", "created_at" : "Tue Jan 13 15:00:00 +0000 2026",
                  "in_reply_to_status_id_str" : "999",
                  "extended_entities" : { "media" : [ { "media_url_https" : "https://pbs.example.invalid/1.jpg" } ] } } } ]`;
    const archive = zip([
      { name: 'Your archive.html', data: '<html></html>' },
      {
        name: 'data/account.js',
        data: 'window.YTD.account.part0 = [ { "account" : { "username" : "fictional_pc", "accountId" : "42" } } ]',
      },
      { name: 'data/tweets.js', data: tweets },
      {
        name: 'data/deleted-tweets.js',
        data: 'window.YTD.deleted_tweets.part0 = [ { "tweet" : { "id_str" : "1003", "full_text" : "removed later", "created_at" : "Wed Jan 14 09:00:00 +0000 2026", "deleted_at" : "2026-01-15T10:00:00.000Z" } } ]',
      },
      {
        name: 'data/note-tweet.js',
        data: 'window.YTD.note_tweet.part0 = [ { "noteTweet" : { "noteTweetId" : "77", "createdAt" : "2026-01-16T08:00:00.000Z", "core" : { "text" : "a long fictional post" } } } ]',
      },
    ]);
    const item = await uploadAndSettle(archive, 'twitter-2026-01-20-abc.zip', kase);
    expect(item.error).toBeUndefined();
    expect(item.archive).toMatchObject({ format: 'x', posts: 4, participants: ['@fictional_pc'] });
    const tweetsSha256 = createHash('sha256').update(tweets).digest('hex');

    const posts = await search({}, kase);
    expect(posts.items.map((p) => [p.author, p.text, p.facts])).toEqual([
      ['@fictional_pc', 'Fictional post about the depot rota', []],
      ['@fictional_pc', 'RT @someone_fictional: shared words', ['retweet', 'reply']],
      ['@fictional_pc', 'removed later', ['deleted', 'deleted_at:2026-01-15T10:00:00.000Z']],
      ['@fictional_pc', 'a long fictional post', ['note_tweet']],
    ]);
    expect(posts.items[0]).toMatchObject({
      postedAt: '2026-01-13T14:30:00.000Z',
      locator: { entry: 'data/tweets.js', entrySha256: tweetsSha256, index: 0 },
    });
    expect((await search({ q: 'r0ta', platform: 'twitter' }, kase)).total).toBe(1);

    // a data file uploaded on its own is read the same way
    const alone = await uploadAndSettle(Buffer.from(tweets), 'tweets.js', kase);
    expect(alone.archive).toMatchObject({ format: 'x', entry: null, posts: 2 });
  }, 60_000);

  it('reads Facebook and Instagram exports: posts and comments with repaired text and record locators', async () => {
    const kase = await newCase();
    const escaped = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
    const posts = JSON.stringify([
      {
        timestamp: 1768314600,
        data: [{ post: escaped('Fictional post: don’t miss the depot briefing') }],
        title: 'Sam Fictional updated his status.',
        attachments: [{ data: [{ media: { uri: 'your_facebook_activity/posts/media/1.jpg' } }] }],
      },
    ]);
    const comments = JSON.stringify({
      comments_v2: [
        {
          timestamp: 1768318200,
          data: [
            {
              comment: {
                timestamp: 1768318200,
                comment: 'a fictional reply about the rota',
                author: 'Sam Fictional',
              },
            },
          ],
          title: "Sam Fictional commented on Alex Example's post.",
        },
      ],
    });
    const archive = zip([
      { name: 'your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json', data: posts },
      { name: 'your_facebook_activity/comments_and_reactions/comments.json', data: comments },
      { name: 'personal_information/profile_information/profile_information.json', data: '{}' },
    ]);
    const facebook = await uploadAndSettle(archive, 'facebook-fictional.zip', kase);
    expect(facebook.error).toBeUndefined();
    expect(facebook.archive).toMatchObject({ format: 'facebook', posts: 2, participants: ['Sam Fictional'] });
    const found = await search({ q: 'briefing', platform: 'facebook' }, kase);
    expect(found.items).toEqual([
      expect.objectContaining({
        text: 'Fictional post: don’t miss the depot briefing',
        postedAt: '2026-01-13T14:30:00.000Z',
        locator: expect.objectContaining({ entry: expect.stringMatching(/your_posts__check_ins/), index: 0 }),
      }),
    ]);
    expect((await search({ author: 'sam', platform: 'facebook' }, kase)).items.map((p) => p.text)).toEqual([
      'a fictional reply about the rota',
    ]);

    const instagram = await uploadAndSettle(
      Buffer.from(
        JSON.stringify([
          {
            string_map_data: {
              Comment: { value: escaped('fictional comment — with a dash') },
              'Media Owner': { value: 'someone_fictional' },
              Time: { timestamp: 1768320000 },
            },
          },
        ]),
      ),
      'post_comments_1.json',
      kase,
    );
    expect(instagram.archive).toMatchObject({ format: 'instagram', entry: null, posts: 1 });
    expect((await search({ q: 'dash', platform: 'instagram' }, kase)).items[0]).toMatchObject({
      text: 'fictional comment — with a dash',
      facts: ['media_owner:someone_fictional'],
    });
  }, 60_000);
});
