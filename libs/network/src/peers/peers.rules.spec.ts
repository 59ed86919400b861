import { generateKeyPair } from '../signing/page-signature.rules';
import { readCursor, readFeedPage, readPeers, retryDelayMinutes } from './peers.rules';

const key = generateKeyPair().publicKey;
const token = 'pnt_' + 'x'.repeat(43);

function record(overrides: Record<string, unknown> = {}) {
  return {
    formatVersion: 1,
    ref: 'kent:6f1f7d3e-31b4-4f0e-9a53-0d5a8f0c2b11',
    force: 'kent',
    decidedOn: '2026-01-10',
    forum: 'misconduct_hearing',
    subject: { role: 'constable', formerOfficer: false },
    conduct: [
      { platform: 'whatsapp', audience: 'private_group', categories: ['discriminatory'], targets: ['race'] },
    ],
    standards: ['discreditable_conduct'],
    finding: 'gross_misconduct',
    outcome: 'dismissal_without_notice',
    ...overrides,
  };
}

function page(value: Record<string, unknown>): Buffer {
  return Buffer.from(
    JSON.stringify({
      formatVersion: 1,
      force: 'kent',
      after: '0',
      next: '3',
      more: false,
      records: [record()],
      ...value,
    }),
  );
}

describe('PEERS', () => {
  it('reads peers and says what is wrong with each entry, never repeating a token', () => {
    const good = {
      force: 'kent',
      url: 'https://precedent.kent.example/exchange/v1/precedents',
      keys: [key],
      token,
    };
    const read = readPeers(JSON.stringify([good]), 'essex');
    expect('peers' in read && read.peers.map((p) => [p.force, p.keys.length])).toEqual([['kent', 1]]);
    expect(readPeers('', 'essex')).toEqual({ peers: [] });
    const bad = readPeers(
      JSON.stringify([good, { ...good }, { force: 'essex', url: 'ftp://x', keys: ['nope'], token: 'short' }]),
      'essex',
    );
    expect(bad).toEqual({
      problems: [
        'PEERS entry 2: kent is named twice.',
        'PEERS entry 3: "force" is this instance\'s own force.',
        'PEERS entry 3: "url" must be the feed\'s http or https address, without a query.',
        'PEERS entry 3: "keys" must list the peer\'s public keys as `network keys` prints them.',
        'PEERS entry 3: "token" must be the token the peer issued to this force.',
      ],
    });
    expect(JSON.stringify(bad)).not.toContain('short');
    expect(readPeers('{', 'essex')).toEqual({ problems: [expect.stringMatching(/not JSON/)] });
  });
});

describe('feed pages', () => {
  it('takes a page answering the cursor asked for, with the peer’s own valid records', () => {
    const read = readFeedPage(page({}), 'kent', '0', '2026-12-01');
    expect(read).toEqual({
      page: { next: '3', more: false, records: [expect.objectContaining({ force: 'kent' })] },
    });
  });

  it('refuses a replayed page, another force’s page or record, and a bad record', () => {
    expect(readFeedPage(page({ after: '7' }), 'kent', '0', '2026-12-01')).toEqual({
      problem: 'the page does not answer the cursor asked for',
    });
    expect(readFeedPage(page({ force: 'essex' }), 'kent', '0', '2026-12-01')).toEqual({
      problem: "the page is not kent's",
    });
    expect(
      readFeedPage(
        page({ records: [record({ force: 'essex', ref: 'essex:1' })] }),
        'kent',
        '0',
        '2026-12-01',
      ),
    ).toEqual({ problem: "record 1 is not kent's own" });
    expect(readFeedPage(page({ records: [record({ ref: 'essex:1' })] }), 'kent', '0', '2026-12-01')).toEqual({
      problem: "record 1 is not kent's own",
    });
    const invalid = readFeedPage(
      page({ records: [record({ outcome: 'shrug' })] }),
      'kent',
      '0',
      '2026-12-01',
    );
    expect(invalid).toEqual({ problem: expect.stringMatching(/^record 1 is not valid: outcome/) });
    expect(readFeedPage(page({ next: '-1' }), 'kent', '0', '2026-12-01')).toEqual({
      problem: 'the page has no valid next cursor',
    });
    expect(readFeedPage(Buffer.from('nope'), 'kent', '0', '2026-12-01')).toEqual({
      problem: 'the page is not JSON',
    });
  });

  it('reads cursors as digits only', () => {
    expect(readCursor(undefined)).toBe(0n);
    expect(readCursor('42')).toBe(42n);
    expect(readCursor('-1')).toBeNull();
    expect(readCursor(['1', '2'])).toBeNull();
    expect(readCursor('99999999999999999999')).toBeNull();
  });

  it('backs off a failing peer from a minute to six hours', () => {
    expect([1, 2, 3, 5, 9, 20].map(retryDelayMinutes)).toEqual([1, 2, 4, 16, 256, 360]);
  });
});
