import { type ChatLine, participantParts } from './participants.rules';

let seq = 0;
const line = (author: string | null, text: string, facts: string[] = []): ChatLine => ({
  seq: seq++,
  author,
  kind: author === null ? 'system' : 'message',
  text,
  facts: author === null ? ['system', ...facts] : facts,
  postedAt: new Date(Date.UTC(2026, 0, 1, 10, seq)),
});

describe('per-participant view of a group chat', () => {
  it('counts what each sent, shared and received while a member', () => {
    seq = 0;
    const chat = [
      line(null, 'Sam Fictional created group "Night shift"'),
      line(null, 'Sam Fictional added Alex Example and Jo Placeholder'),
      line('Sam Fictional', 'the joke'),
      line('Alex Example', '<Media omitted>', ['media_omitted']),
      line('Jo Placeholder', 'This message was deleted', ['deleted']),
      line(null, 'Jo Placeholder left'),
      line('Sam Fictional', 'another one'),
      line(null, 'Sam Fictional added Chris Sample'),
      line('Chris Sample', 'hello'),
    ];
    const parts = participantParts(chat);
    const by = Object.fromEntries(parts.map((p) => [p.name, p]));
    expect(by['Sam Fictional']).toMatchObject({
      sent: 2,
      mediaShared: 0,
      received: 3,
      membershipFrom: 'system_lines',
    });
    expect(by['Alex Example']).toMatchObject({ sent: 1, mediaShared: 1, received: 4 });
    // Jo left before the second joke and Chris's hello
    expect(by['Jo Placeholder']).toMatchObject({
      sent: 1,
      deleted: 1,
      received: 2,
      membership: [{ fromSeq: 1, toSeq: 5 }],
    });
    // Chris joined after everything but their own message
    expect(by['Chris Sample']).toMatchObject({ sent: 1, received: 0 });
  });

  it('treats a participant with no membership lines as a member for the whole export, and says so', () => {
    seq = 0;
    const parts = participantParts([
      line('Sam Fictional', 'a'),
      line('Alex Example', 'b'),
      line('Sam Fictional', 'c'),
    ]);
    expect(parts.find((p) => p.name === 'Alex Example')).toMatchObject({
      sent: 1,
      received: 2,
      membershipFrom: 'whole_export',
    });
  });
});
