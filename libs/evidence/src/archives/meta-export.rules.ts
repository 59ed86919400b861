/**
 * Facebook "Download your information" and Instagram (Accounts Center) JSON exports as posts:
 * Facebook posts, comments, group comments and group posts; Instagram posts and comments. Text is
 * repaired from the exports' byte-per-character escaping (`\u00e2\u0080\u0099` for ’), repeatedly
 * for double-encoded files. Files are recognised by shape, not path. See docs/export-formats.md.
 */
export interface MetaRecord {
  kind: 'post' | 'comment';
  author: string | null;
  postedAt: Date | null;
  text: string;
  postRef: string | null;
  replyTo: string | null;
  media: string[];
  facts: string[];
  /** Index of the record in its file. */
  index: number;
  raw: unknown;
}

export interface MetaFile {
  platform: 'facebook' | 'instagram';
  what: 'posts' | 'comments' | 'group_comments' | 'group_posts' | 'reels_comments';
  records: MetaRecord[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const seconds = (v: unknown): Date | null =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? new Date(v * 1000) : null;

/** Undoes Meta's escaping of UTF-8 bytes as characters, until the text no longer changes. */
export function repairMojibake(text: string): string {
  let current = text;
  for (let round = 0; round < 3; round++) {
    // only text made of single-byte characters, with some above ASCII, can be mis-decoded UTF-8
    if (!/[\u0080-\u00ff]/.test(current) || /[\u0100-\uffff]/.test(current)) return current;
    const repaired = Buffer.from(current, 'latin1').toString('utf8');
    if (repaired.includes('\ufffd') || repaired === current) return current;
    current = repaired;
  }
  return current;
}

function attachments(entry: Json): { media: string[]; links: string[] } {
  const media: string[] = [];
  const links: string[] = [];
  for (const attachment of arr(entry.attachments))
    for (const data of arr(obj(attachment).data)) {
      const uri = str(obj(obj(data).media).uri);
      if (uri) media.push(uri);
      const url = str(obj(obj(data).external_context).url);
      if (url) links.push(url);
    }
  return { media, links };
}

function facebookPost(entry: Json, index: number, group: boolean): MetaRecord | null {
  const texts = arr(entry.data)
    .map((d) => str(obj(d).post))
    .filter((t): t is string => t !== null);
  const { media, links } = attachments(entry);
  if (texts.length === 0 && media.length === 0 && links.length === 0) return null;
  const title = str(entry.title);
  return {
    kind: 'post',
    author: null,
    postedAt: seconds(entry.timestamp),
    text: repairMojibake(texts.join('\n')),
    postRef: links[0] ?? null,
    replyTo: null,
    media,
    facts: [...(group ? ['group'] : []), ...(title ? [`title:${repairMojibake(title)}`] : [])],
    index,
    raw: entry,
  };
}

function facebookComment(entry: Json, index: number, group: boolean): MetaRecord | null {
  const comment = arr(entry.data)
    .map((d) => obj(obj(d).comment))
    .find((c) => str(c.comment) !== null);
  if (!comment) return null;
  const { media, links } = attachments(entry);
  const title = str(entry.title);
  const groupName = str(comment.group);
  return {
    kind: 'comment',
    author: str(comment.author) ? repairMojibake(str(comment.author)!) : null,
    postedAt: seconds(comment.timestamp) ?? seconds(entry.timestamp),
    text: repairMojibake(str(comment.comment)!),
    postRef: null,
    // the post commented on is named only in the localised title, or linked in an attachment
    replyTo: links[0] ?? null,
    media,
    facts: [
      ...(group ? ['group'] : []),
      ...(groupName ? [`group:${repairMojibake(groupName)}`] : []),
      ...(title ? [`title:${repairMojibake(title)}`] : []),
    ],
    index,
    raw: entry,
  };
}

function instagramComment(entry: Json, index: number): MetaRecord | null {
  const map = obj(entry.string_map_data);
  const text = str(obj(map.Comment).value);
  if (text === null) return null;
  const owner = str(obj(map['Media Owner']).value);
  return {
    kind: 'comment',
    author: null,
    postedAt: seconds(obj(map.Time).timestamp),
    text: repairMojibake(text),
    postRef: null,
    replyTo: owner ? `instagram:@${owner}` : null,
    media: [],
    facts: owner ? [`media_owner:${owner}`] : [],
    index,
    raw: entry,
  };
}

function instagramPost(entry: Json, index: number): MetaRecord | null {
  const media = arr(entry.media).map(obj);
  if (media.length === 0) return null;
  const title = str(entry.title) ?? str(media[0].title) ?? '';
  return {
    kind: 'post',
    author: null,
    postedAt: seconds(entry.creation_timestamp) ?? seconds(media[0].creation_timestamp),
    text: repairMojibake(title),
    postRef: null,
    replyTo: null,
    media: media.map((m) => str(m.uri)).filter((u): u is string => u !== null),
    facts: [],
    index,
    raw: entry,
  };
}

const keep = (records: (MetaRecord | null)[]): MetaRecord[] =>
  records.filter((r): r is MetaRecord => r !== null);

/** The records of a Facebook or Instagram JSON file, recognised by its shape; null for any other JSON. */
export function metaFile(json: unknown): MetaFile | null {
  const root = obj(json);
  if (Array.isArray(root.comments_v2))
    return {
      platform: 'facebook',
      what: 'comments',
      records: keep(root.comments_v2.map((e, i) => facebookComment(obj(e), i, false))),
    };
  if (Array.isArray(root.group_comments_v2))
    return {
      platform: 'facebook',
      what: 'group_comments',
      records: keep(root.group_comments_v2.map((e, i) => facebookComment(obj(e), i, true))),
    };
  if (Array.isArray(root.group_posts_v2))
    return {
      platform: 'facebook',
      what: 'group_posts',
      records: keep(root.group_posts_v2.map((e, i) => facebookPost(obj(e), i, true))),
    };
  if (Array.isArray(root.comments_reels_comments))
    return {
      platform: 'instagram',
      what: 'reels_comments',
      records: keep(root.comments_reels_comments.map((e, i) => instagramComment(obj(e), i))),
    };
  if (Array.isArray(root.comments_media_comments))
    return {
      platform: 'instagram',
      what: 'comments',
      records: keep(root.comments_media_comments.map((e, i) => instagramComment(obj(e), i))),
    };
  if (!Array.isArray(json) || json.length === 0) return null;
  const first = obj(json[0]);
  if ('string_map_data' in first)
    return {
      platform: 'instagram',
      what: 'comments',
      records: keep(json.map((e, i) => instagramComment(obj(e), i))),
    };
  if ('timestamp' in first && ('data' in first || 'attachments' in first))
    return {
      platform: 'facebook',
      what: 'posts',
      records: keep(json.map((e, i) => facebookPost(obj(e), i, false))),
    };
  if ('media' in first)
    return {
      platform: 'instagram',
      what: 'posts',
      records: keep(json.map((e, i) => instagramPost(obj(e), i))),
    };
  return null;
}
