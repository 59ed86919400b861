import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { systemContext } from '@precedent/audit';
import { generateKeyPair, PeerTokens, PrecedentHarvest } from '@precedent/network';
import {
  accessibilityViolations,
  launchBrowser,
  listenForBrowser,
  newContext,
  newPage,
  screenshot,
  signIn,
} from '../support/browser';
import { startTestApi, type SignedInUser, type TestApi } from '../support/test-api';

describe('the precedent network page for administrators', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let admin: SignedInUser;

  beforeAll(async () => {
    // a peer whose address answers nothing: taken and closed again
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    api = await startTestApi({
      env: {
        FORCE_CODE: 'kent',
        NETWORK_SIGNING_KEY: generateKeyPair().privateKey,
        PEERS: JSON.stringify([
          {
            force: 'essex',
            url: `http://127.0.0.1:${port}/exchange/v1/precedents`,
            keys: [generateKeyPair().publicKey],
            token: 'pnt_a-token-essex-issued-to-kent',
          },
        ]),
      },
    });
    base = await listenForBrowser(api);
    browser = await launchBrowser();
    admin = await api.signedIn(['admin']);
    await api.app.get(PeerTokens).issue('surrey', systemContext('test'));
    await api.app.get(PrecedentHarvest).pull();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    'shows each peer’s harvest with its last error, and the tokens issued, %s',
    async (_label, javaScript) => {
      const page = await newPage(await newContext(browser, javaScript));
      await signIn(page, base, admin, '/admin');
      await page.click('a:has-text("Precedent network")');
      expect(new URL(page.url()).pathname).toBe('/admin/network');
      const peers = await page.locator('#peers tbody tr').allInnerTexts();
      expect(peers).toHaveLength(1);
      expect(peers[0]).toContain('essex');
      expect(peers[0]).toContain('failing');
      expect(peers[0]).toContain('the feed could not be reached: nothing answered at its address');
      expect(peers[0]).toMatch(/Tried again after/);
      const tokens = await page.locator('#tokens tbody tr').allInnerTexts();
      expect(tokens).toEqual([expect.stringMatching(/surrey[\s\S]*never[\s\S]*active/)]);
      expect(await page.textContent('main')).toContain('The feed shares the precedents of kent');
      expect(await accessibilityViolations(page, { javaScript })).toEqual([]);
      await screenshot(page, `admin-network-${javaScript ? 'js' : 'no-js'}`);
      await page.context().close();
    },
  );
});
