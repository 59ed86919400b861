/** Limits that keep a hostile ZIP (a "bomb", path tricks) from exhausting the worker. */
export const ZIP_LIMITS = {
  maxEntries: 20_000,
  maxTotalUncompressed: 4 * 1024 ** 3,
  /** Compression ratio above which an entry is refused, once it is big enough to matter. */
  maxRatio: 200,
  ratioAppliesAbove: 1024 * 1024,
  /** The largest single entry read into memory for parsing. */
  maxEntryRead: 256 * 1024 * 1024,
};

export interface ZipEntryFacts {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/** Why a ZIP's central directory is refused before any entry is read, or null when it may be read. */
export function zipRefusal(entries: ZipEntryFacts[]): string | null {
  if (entries.length > ZIP_LIMITS.maxEntries)
    return `The archive has more than ${ZIP_LIMITS.maxEntries} entries.`;
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (
      entry.uncompressedSize > ZIP_LIMITS.ratioAppliesAbove &&
      entry.uncompressedSize > ZIP_LIMITS.maxRatio * Math.max(entry.compressedSize, 1)
    )
      return `Entry "${entry.name}" would expand ${Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1))} times (more than ${ZIP_LIMITS.maxRatio}): refused as a possible ZIP bomb.`;
  }
  if (total > ZIP_LIMITS.maxTotalUncompressed)
    return `The archive would expand to ${Math.round(total / 1024 ** 2)} MB, more than the ${ZIP_LIMITS.maxTotalUncompressed / 1024 ** 3} GB allowed.`;
  return null;
}

export type ArchiveLayout =
  | { kind: 'whatsapp'; entry: string }
  | { kind: 'x'; entry: string }
  | { kind: 'facebook'; entry: string }
  | { kind: 'instagram'; entry: string }
  | { kind: 'unknown' };

const basename = (name: string) => name.slice(name.lastIndexOf('/') + 1);

/** Facebook or Instagram files the parser reads (by name: layouts move between export versions). */
export function isMetaDataFile(name: string, platform: 'facebook' | 'instagram'): boolean {
  const base = basename(name);
  return platform === 'facebook'
    ? /^(your_posts.*|posts_on_other_pages_and_profiles|comments|your_comments_in_groups|group_posts_and_comments)(_\d+)?\.json$/.test(
        base,
      )
    : /^(posts|post_comments|reels_comments)(_\d+)?\.json$/.test(base);
}

/** X archive data files the parser reads: tweets (and parts), deleted tweets, note tweets, the account. */
export function isXDataFile(name: string): boolean {
  return /(^|\/)data\/(tweets?|deleted-tweets?|note-tweet|account)(-part\d+)?\.js$/.test(name);
}

/** Recognises an export by the names of its entries (not full paths: layouts move between versions). */
export function recogniseLayout(names: string[]): ArchiveLayout {
  const files = names.filter((n) => !n.endsWith('/'));
  const chat =
    files.find((n) => basename(n) === '_chat.txt') ??
    files.find((n) => /^WhatsApp Chat.*\.txt$/i.test(basename(n)));
  if (chat) return { kind: 'whatsapp', entry: chat };
  const tweets = files.find((n) => /(^|\/)data\/tweets?(-part\d+)?\.js$/.test(n));
  if (tweets) return { kind: 'x', entry: tweets };
  const facebook = files.find((n) =>
    /^(your_posts.*|comments|your_comments_in_groups|group_posts_and_comments)(_\d+)?\.json$/.test(
      basename(n),
    ),
  );
  if (facebook) return { kind: 'facebook', entry: facebook };
  const instagram = files.find((n) =>
    /^(posts|post_comments|reels_comments)(_\d+)?\.json$/.test(basename(n)),
  );
  if (instagram) return { kind: 'instagram', entry: instagram };
  const onlyText = files.filter((n) => n.toLowerCase().endsWith('.txt'));
  if (onlyText.length === 1) return { kind: 'whatsapp', entry: onlyText[0] };
  return { kind: 'unknown' };
}
