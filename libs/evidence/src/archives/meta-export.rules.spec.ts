import { metaFile, repairMojibake } from './meta-export.rules';

describe('Facebook and Instagram exports', () => {
  it('repairs byte-escaped text, once or twice encoded, and leaves good text alone', () => {
    const once = Buffer.from('Don’t — café', 'utf8').toString('latin1');
    expect(repairMojibake(once)).toBe('Don’t — café');
    const twice = Buffer.from(once, 'utf8').toString('latin1');
    expect(repairMojibake(twice)).toBe('Don’t — café');
    expect(repairMojibake('plain text')).toBe('plain text');
    expect(repairMojibake('already right: café ’')).toBe('already right: café ’');
  });

  it('reads Facebook posts with attachments, and comments with their author and target link', () => {
    const posts = metaFile([
      {
        timestamp: 1700000000,
        data: [{ post: Buffer.from('Fictional post’s text', 'utf8').toString('latin1') }],
        title: 'Sam Fictional updated his status.',
        attachments: [
          {
            data: [
              { media: { uri: 'photos/1.jpg' } },
              { external_context: { url: 'https://example.invalid/a' } },
            ],
          },
        ],
      },
      { timestamp: 1700000001, title: 'no content' },
    ]);
    expect(posts).toMatchObject({ platform: 'facebook', what: 'posts' });
    expect(posts!.records).toEqual([
      expect.objectContaining({
        kind: 'post',
        text: 'Fictional post’s text',
        postedAt: new Date(1700000000 * 1000),
        media: ['photos/1.jpg'],
        postRef: 'https://example.invalid/a',
        facts: ['title:Sam Fictional updated his status.'],
        index: 0,
      }),
    ]);
    const comments = metaFile({
      comments_v2: [
        {
          timestamp: 1700000100,
          data: [
            { comment: { timestamp: 1700000100, comment: 'a fictional comment', author: 'Sam Fictional' } },
          ],
          title: "Sam Fictional commented on Alex Example's post.",
        },
      ],
    });
    expect(comments!.records[0]).toMatchObject({
      kind: 'comment',
      author: 'Sam Fictional',
      text: 'a fictional comment',
    });
    expect(metaFile({ group_comments_v2: [] })).toMatchObject({ what: 'group_comments', records: [] });
  });

  it('reads Instagram comments and posts, and recognises nothing else', () => {
    const comments = metaFile([
      {
        string_map_data: {
          Comment: { value: 'fictional words' },
          'Media Owner': { value: 'someone' },
          Time: { timestamp: 1700000000 },
        },
      },
    ]);
    expect(comments).toMatchObject({ platform: 'instagram', what: 'comments' });
    expect(comments!.records[0]).toMatchObject({ text: 'fictional words', replyTo: 'instagram:@someone' });
    const posts = metaFile([
      { media: [{ uri: 'media/posts/1.jpg', creation_timestamp: 1700000000, title: 'a caption' }] },
    ]);
    expect(posts!.records[0]).toMatchObject({
      kind: 'post',
      text: 'a caption',
      media: ['media/posts/1.jpg'],
    });
    expect(metaFile({ something: 'else' })).toBeNull();
    expect(metaFile([1, 2, 3])).toBeNull();
  });
});
