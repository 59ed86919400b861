/**
 * X (Twitter) archive records as archive posts: tweets, deleted tweets and long "note" tweets.
 * Counts come as strings, `created_at` in the legacy form "Wed Oct 10 20:19:24 +0000 2018".
 * Retweets, replies, edits and deletions are facts on the post. See docs/export-formats.md.
 */
export interface XAccount {
  username: string | null;
  displayName: string | null;
  accountId: string | null;
}

export interface XPost {
  author: string | null;
  postedAt: Date | null;
  text: string;
  postRef: string | null;
  replyTo: string | null;
  media: string[];
  facts: string[];
}

export type XFileKind = 'tweets' | 'deleted_tweets' | 'note_tweet' | 'account' | 'other';

/** Which records a file holds, from its window.YTD global name (`tweets`, `tweet`, `deleted_tweets` …). */
export function xFileKind(globalName: string): XFileKind {
  if (globalName === 'tweets' || globalName === 'tweet') return 'tweets';
  if (globalName === 'deleted_tweets' || globalName === 'deleted_tweet') return 'deleted_tweets';
  if (globalName === 'note_tweet') return 'note_tweet';
  if (globalName === 'account') return 'account';
  return 'other';
}

const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

/** "Wed Oct 10 20:19:24 +0000 2018" (strptime `%a %b %d %H:%M:%S %z %Y`), or ISO; null when neither. */
export function xDate(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const m = /^[A-Za-z]{3} ([A-Za-z]{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(
    value.trim(),
  );
  if (m) {
    const month = MONTHS[m[1]];
    if (month === undefined) return null;
    const offset = (m[6] === '-' ? -1 : 1) * (Number(m[7]) * 60 + Number(m[8]));
    return new Date(
      Date.UTC(Number(m[9]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) - offset * 60_000,
    );
  }
  const iso = new Date(value);
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(iso.getTime()) ? iso : null;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;

export function xAccount(element: unknown): XAccount {
  const account = obj(obj(element).account);
  return {
    username: str(account.username),
    displayName: str(account.accountDisplayName),
    accountId: str(account.accountId),
  };
}

/** A tweets.js or deleted-tweets.js element (`{tweet: {…}}`); null when it holds no tweet. */
export function xTweet(element: unknown, account: XAccount | null, deleted: boolean): XPost | null {
  const tweet = obj(obj(element).tweet);
  const id = str(tweet.id_str) ?? str(tweet.id);
  const text = str(tweet.full_text) ?? str(tweet.text);
  if (!id || text === null) return null;
  const facts: string[] = [];
  if (/^RT @\w+:/.test(text)) facts.push('retweet');
  const replyTo = str(tweet.in_reply_to_status_id_str) ?? str(tweet.in_reply_to_status_id);
  if (replyTo) facts.push('reply');
  if (deleted) facts.push('deleted');
  const editIds = arr(obj(obj(tweet.edit_info).initial).editTweetIds)
    .map(str)
    .filter(Boolean);
  const editedIds = editIds.length
    ? editIds
    : arr(obj(tweet.edit_control).edit_tweet_ids).map(str).filter(Boolean);
  if (editedIds.length > 1) facts.push('edited');
  const media = [
    ...arr(obj(tweet.extended_entities).media),
    ...(arr(obj(tweet.extended_entities).media).length ? [] : arr(obj(tweet.entities).media)),
  ]
    .map((m) => str(obj(m).media_url_https) ?? str(obj(m).expanded_url))
    .filter((m): m is string => m !== null);
  const screenName = account?.username;
  return {
    author: screenName ? `@${screenName}` : null,
    postedAt: xDate(tweet.created_at),
    text,
    postRef: screenName ? `https://x.com/${screenName}/status/${id}` : `https://x.com/i/status/${id}`,
    replyTo: replyTo ? `https://x.com/i/status/${replyTo}` : null,
    media,
    facts: deleted && str(tweet.deleted_at) ? [...facts, `deleted_at:${str(tweet.deleted_at)}`] : facts,
  };
}

/** A note-tweet.js element (a long post's full text). */
export function xNoteTweet(element: unknown, account: XAccount | null): XPost | null {
  const note = obj(obj(element).noteTweet);
  const id = str(note.noteTweetId);
  const text = str(obj(note.core).text);
  if (!id || text === null) return null;
  return {
    author: account?.username ? `@${account.username}` : null,
    postedAt: xDate(note.createdAt),
    text,
    postRef: `note-tweet:${id}`,
    replyTo: null,
    media: [],
    facts: ['note_tweet'],
  };
}
