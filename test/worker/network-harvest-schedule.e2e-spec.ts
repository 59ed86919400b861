import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { generateKeyPair, NETWORK_QUEUE, PULL_SCHEDULER } from '@precedent/network';
import { eventually, jobSchedulers, startTestWorker } from '../support/test-worker';

describe('the scheduled harvest of the peers', () => {
  let worker: INestApplication | undefined;

  beforeAll(async () => {
    // a peer whose address answers nothing: taken and closed again
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    process.env.FORCE_CODE = 'kent';
    process.env.PEERS = JSON.stringify([
      {
        force: 'essex',
        url: `http://127.0.0.1:${port}/exchange/v1/precedents`,
        keys: [generateKeyPair().publicKey],
        token: 'pnt_a-token-essex-issued-to-kent',
      },
    ]);
    process.env.NETWORK_PULL_MINUTES = '30';
  });
  afterAll(async () => {
    for (const name of ['FORCE_CODE', 'PEERS', 'NETWORK_PULL_MINUTES']) delete process.env[name];
    await worker?.close();
  });

  it('runs once scheduled, at once, and keeps a peer that cannot be reached for later with its error', async () => {
    worker = await startTestWorker();
    const schedulers = await jobSchedulers(NETWORK_QUEUE);
    expect(schedulers).toEqual([expect.objectContaining({ key: PULL_SCHEDULER, every: 30 * 60_000 })]);
    const db = worker.get<DataSource>(getDataSourceToken());
    const [state] = await eventually(
      async () => {
        const rows = await db.query<{ failures: number; last_error: string; next_attempt_at: Date | null }[]>(
          `SELECT failures, last_error, next_attempt_at FROM network_harvests WHERE peer_force = 'essex' AND failures > 0`,
        );
        return rows.length > 0 ? rows : null;
      },
      { what: "the harvest's first run to record the peer's failure" },
    );
    expect(state.last_error).toMatch(/^the feed could not be reached/);
    expect(state.next_attempt_at).not.toBeNull();
  });
});
