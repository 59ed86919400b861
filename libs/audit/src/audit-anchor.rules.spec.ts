import {
  anchoredIds,
  anchorLine,
  checkAnchors,
  readAnchorFile,
  type AuditAnchor,
  type StoredEvent,
} from './audit-anchor.rules';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

function anchor(id: string, hash: string, count = Number(id)): AuditAnchor {
  return { id, hash, count, anchoredAt: '2026-11-26T01:00:00.000Z', by: 'worker' };
}

describe('audit anchors', () => {
  it('writes one newline-terminated JSON line that reads back as the same anchor', () => {
    const text = anchorLine(anchor('12', HASH_A)) + anchorLine(anchor('40', HASH_B));
    expect(text.split('\n')).toHaveLength(3);
    expect(readAnchorFile(text)).toEqual({
      anchors: [
        { line: 1, anchor: anchor('12', HASH_A) },
        { line: 2, anchor: anchor('40', HASH_B) },
      ],
      unreadable: [],
    });
  });

  it('reports malformed lines by number, skipping blank ones', () => {
    const text = [
      anchorLine(anchor('1', HASH_A)).trim(),
      '',
      '{"id":"2","hash":"short","count":2,"anchoredAt":"2026-11-26T01:00:00Z","by":"cli"}',
      'not json',
      '{"id":"0","hash":"' + HASH_A + '","count":1,"anchoredAt":"2026-11-26T01:00:00Z","by":"cli"}',
    ].join('\n');
    const reading = readAnchorFile(text);
    expect(reading.anchors.map((a) => a.line)).toEqual([1]);
    expect(reading.unreadable).toEqual([
      { line: 3, reason: 'its hash is not a sha256' },
      { line: 4, reason: 'it is not JSON' },
      { line: 5, reason: 'its id is not an event id' },
    ]);
  });

  it('names each anchored id once', () => {
    const { anchors } = readAnchorFile(
      anchorLine(anchor('5', HASH_A)) + anchorLine(anchor('5', HASH_A)) + anchorLine(anchor('9', HASH_B)),
    );
    expect(anchoredIds(anchors)).toEqual(['5', '9']);
  });

  describe('against the log', () => {
    const { anchors } = readAnchorFile(anchorLine(anchor('5', HASH_A)) + anchorLine(anchor('9', HASH_B)));

    it('holds when every anchored event is there with its hash', () => {
      const stored = new Map<string, StoredEvent>([
        ['5', { hash: HASH_A }],
        ['9', { hash: HASH_B }],
      ]);
      expect(checkAnchors(anchors, stored, 9)).toBeNull();
      expect(checkAnchors(anchors, stored, 20)).toBeNull();
    });

    it('detects the tail removed: an anchored event is missing', () => {
      const stored = new Map<string, StoredEvent>([
        ['5', { hash: HASH_A }],
        ['9', undefined],
      ]);
      expect(checkAnchors(anchors, stored, 6)).toEqual({
        line: 2,
        anchor: anchor('9', HASH_B),
        reason: expect.stringMatching(/event 9, anchored at .*, is missing \(events were removed/),
      });
    });

    it('detects a rewritten event: an anchored hash differs', () => {
      const stored = new Map<string, StoredEvent>([
        ['5', { hash: HASH_B }],
        ['9', { hash: HASH_B }],
      ]);
      expect(checkAnchors(anchors, stored, 9)).toMatchObject({
        line: 1,
        reason: expect.stringMatching(/event 5, .* has a different hash \(.*rewritten\)/),
      });
    });

    it('detects fewer events than were anchored', () => {
      const stored = new Map<string, StoredEvent>([
        ['5', { hash: HASH_A }],
        ['9', { hash: HASH_B }],
      ]);
      expect(checkAnchors(anchors, stored, 8)).toMatchObject({
        line: 2,
        reason: expect.stringMatching(/holds 8 events but held 9/),
      });
    });

    it('holds trivially with no anchors', () => {
      expect(checkAnchors([], new Map(), 0)).toBeNull();
    });
  });
});
