import { recogniseLayout, zipRefusal, ZIP_LIMITS } from './zip-reader.rules';

describe('ZIP limits and layouts', () => {
  it('refuses too many entries, a bomb-like ratio and too much in total', () => {
    const small = { name: 'a.txt', compressedSize: 10, uncompressedSize: 20 };
    expect(zipRefusal([small])).toBeNull();
    expect(zipRefusal(Array(ZIP_LIMITS.maxEntries + 1).fill(small))).toMatch(/more than 20000 entries/);
    expect(
      zipRefusal([{ name: 'zeros', compressedSize: 20_000, uncompressedSize: 20 * 1024 * 1024 }]),
    ).toMatch(/possible ZIP bomb/);
    // a small entry may compress very well without being refused
    expect(zipRefusal([{ name: 'spaces', compressedSize: 10, uncompressedSize: 100_000 }])).toBeNull();
    const big = { name: 'b', compressedSize: 1024 ** 3, uncompressedSize: 1024 ** 3 };
    expect(zipRefusal([big, big, big, big, big])).toMatch(/more than the 4 GB allowed/);
  });

  it('recognises exports by file names, wherever they sit', () => {
    expect(recogniseLayout(['_chat.txt', '00000012-PHOTO.jpg'])).toEqual({
      kind: 'whatsapp',
      entry: '_chat.txt',
    });
    expect(recogniseLayout(['WhatsApp Chat with Night shift.txt'])).toMatchObject({ kind: 'whatsapp' });
    expect(recogniseLayout(['Your archive.html', 'data/tweets-part1.js'])).toEqual({
      kind: 'x',
      entry: 'data/tweets-part1.js',
    });
    expect(
      recogniseLayout(['your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json']),
    ).toMatchObject({ kind: 'facebook' });
    expect(recogniseLayout(['your_instagram_activity/comments/post_comments_1.json'])).toMatchObject({
      kind: 'instagram',
    });
    expect(recogniseLayout(['photos/', 'photos/a.jpg', 'notes.md'])).toEqual({ kind: 'unknown' });
  });
});
