import {
  anchorsByChain,
  anchoredIds,
  anchorLine,
  checkAnchors,
  readAnchorFile,
  type AuditAnchor,
  type ChainIdentity,
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

  describe('chains', () => {
    const OURS: ChainIdentity = { system: '7715023921928960108', database: '16384', genesis: HASH_A };
    const of = (id: string, chain?: ChainIdentity): AuditAnchor => ({ ...anchor(id, HASH_B), chain });

    it('writes and reads the chain an anchor names, and refuses a malformed one', () => {
      const text = anchorLine(of('9', OURS));
      expect(JSON.parse(text).chain).toEqual(OURS);
      expect(readAnchorFile(text).anchors[0].anchor).toEqual(of('9', OURS));
      const bad = JSON.stringify({
        ...of('9', OURS),
        chain: { system: 'x', database: '1', genesis: HASH_A },
      });
      expect(readAnchorFile(bad).unreadable).toEqual([
        { line: 1, reason: 'its chain is not a server, a database and a first event hash' },
      ]);
    });

    it("sorts anchors into this database's, another server's or database's, and unnamed ones", () => {
      const { anchors } = readAnchorFile(
        anchorLine(of('1', OURS)) +
          anchorLine(of('2', { ...OURS, system: '1' })) +
          anchorLine(of('3', { ...OURS, database: '1' })) +
          anchorLine(of('4')) +
          // a different first event is still this database: the log was rewritten, not replaced
          anchorLine(of('5', { ...OURS, genesis: HASH_B })),
      );
      const sorted = anchorsByChain(anchors, OURS);
      expect(sorted.own.map((a) => a.anchor.id)).toEqual(['1', '5']);
      expect(sorted.other.map((a) => a.anchor.id)).toEqual(['2', '3']);
      expect(sorted.unnamed.map((a) => a.anchor.id)).toEqual(['4']);
    });

    it('fails an anchor of this chain whose first event the log no longer starts with', () => {
      const { anchors } = readAnchorFile(anchorLine(of('9', { ...OURS, genesis: HASH_B })));
      const stored = new Map<string, StoredEvent>([['9', { hash: HASH_B }]]);
      expect(checkAnchors(anchors, stored, 9, HASH_A)).toMatchObject({
        line: 1,
        reason: expect.stringMatching(/first event is not the one anchored .* rewritten from its start/),
      });
      expect(checkAnchors(anchors, stored, 9, HASH_B)).toBeNull();
    });
  });
});
