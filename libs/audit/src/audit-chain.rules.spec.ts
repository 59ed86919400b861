import { checkLink, eventHash, GENESIS_HASH, type ChainedContent } from './audit-chain.rules';

function event(id: string, prev: string, overrides: Partial<ChainedContent> = {}) {
  const content: ChainedContent = {
    id,
    occurredAt: new Date('2026-11-24T10:00:00.123Z'),
    actorId: '7d4b2a8e-0a52-4a61-8f8c-3b7f5b7f2c11',
    actorName: 'inv.one',
    action: 'case.read',
    entityType: 'case',
    entityId: 'c1',
    requestId: 'r1',
    result: 'success',
    details: null,
    ...overrides,
  };
  return { ...content, prevHash: prev, hash: eventHash(prev, content) };
}

describe('audit chain', () => {
  it('accepts an intact chain', () => {
    const first = event('1', GENESIS_HASH);
    const second = event('2', first.hash);
    expect(checkLink(GENESIS_HASH, first)).toBeNull();
    expect(checkLink(first.hash, second)).toBeNull();
  });

  it('detects altered content', () => {
    const first = event('1', GENESIS_HASH);
    expect(checkLink(GENESIS_HASH, { ...first, action: 'case.update' })).toMatch(/altered/);
    expect(checkLink(GENESIS_HASH, { ...first, occurredAt: new Date('2026-11-24T10:00:00.124Z') })).toMatch(
      /altered/,
    );
  });

  it('detects a removed event', () => {
    const first = event('1', GENESIS_HASH);
    const second = event('2', first.hash);
    const third = event('3', second.hash);
    expect(checkLink(first.hash, third)).toMatch(/removed/);
  });

  it('binds the id, so a renumbered event fails', () => {
    const first = event('1', GENESIS_HASH);
    expect(checkLink(GENESIS_HASH, { ...first, id: '9' })).toMatch(/altered/);
  });
});
