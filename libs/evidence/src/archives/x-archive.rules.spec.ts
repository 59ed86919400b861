import { xAccount, xDate, xFileKind, xNoteTweet, xTweet } from './x-archive.rules';
import { ArchiveFormatError, YtdScanner } from './ytd-scanner';

function scan(text: string, chunk = 7): { name: string | null; values: unknown[] } {
  const values: unknown[] = [];
  const scanner = new YtdScanner('data/tweets.js', (v) => values.push(v));
  for (let i = 0; i < text.length; i += chunk) scanner.push(text.slice(i, i + chunk));
  scanner.end();
  return { name: scanner.globalName, values };
}

describe('X archive data', () => {
  const file = `window.YTD.tweets.part0 = [ {
    "tweet" : { "id_str" : "1001", "full_text" : "a fictional post with \\"quotes\\" and {braces} ]", "created_at" : "Wed Oct 10 20:19:24 +0000 2018",
      "favorite_count" : "3", "entities" : { "media" : [ { "media_url_https" : "https://pbs.example/1.jpg" } ] } }
  }, { "tweet" : { "id_str" : "1002", "full_text" : "RT @someone: shared", "created_at" : "Thu Oct 11 08:00:00 +0100 2018",
      "in_reply_to_status_id_str" : "999", "edit_info" : { "initial" : { "editTweetIds" : ["1002", "1003"] } } } } ];`;

  it('reads the assignment as data, element by element, across any chunking', () => {
    for (const chunk of [1, 3, 64, 10_000]) {
      const { name, values } = scan(file, chunk);
      expect(name).toBe('tweets');
      expect(values).toHaveLength(2);
    }
  });

  it('refuses code, a missing prefix, a truncated array and malformed JSON, naming the file', () => {
    expect(() => scan(`${file}\nalert(1)`)).toThrow(/code after the array; it is refused, never run/);
    expect(() => scan('var tweets = [];')).toThrow(ArchiveFormatError);
    expect(() => scan(file.slice(0, 200))).toThrow(/truncated/);
    expect(() => scan('window.YTD.tweets.part0 = [ { "tweet": { "id_str": 1, } } ]')).toThrow(
      /data\/tweets\.js .* element 1 is not valid JSON/,
    );
  });

  it('makes posts with facts, links and times', () => {
    const { values } = scan(file);
    const account = xAccount({ account: { username: 'fictional_pc', accountId: '42' } });
    expect(xTweet(values[0], account, false)).toEqual({
      author: '@fictional_pc',
      postedAt: new Date('2018-10-10T20:19:24Z'),
      text: 'a fictional post with "quotes" and {braces} ]',
      postRef: 'https://x.com/fictional_pc/status/1001',
      replyTo: null,
      media: ['https://pbs.example/1.jpg'],
      facts: [],
    });
    expect(xTweet(values[1], account, true)).toMatchObject({
      postedAt: new Date('2018-10-11T07:00:00Z'),
      replyTo: 'https://x.com/i/status/999',
      facts: ['retweet', 'reply', 'deleted', 'edited'],
    });
    expect(
      xNoteTweet(
        { noteTweet: { noteTweetId: '77', createdAt: '2024-01-02T03:04:05.000Z', core: { text: 'long' } } },
        null,
      ),
    ).toMatchObject({ text: 'long', facts: ['note_tweet'], postedAt: new Date('2024-01-02T03:04:05Z') });
    expect(xFileKind('deleted_tweets')).toBe('deleted_tweets');
    expect(xDate('not a date')).toBeNull();
  });
});
