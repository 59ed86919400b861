import { trustedClientAddress, trustedProxyList } from './trusted-client.rules';

describe('the client a trusted proxy names', () => {
  const proxies = trustedProxyList(' 10.0.0.5, ::1 ');

  it('names no one when no proxy is configured, whatever the headers say', () => {
    expect(trustedClientAddress('10.0.0.5', '203.0.113.7', [])).toBeNull();
  });

  it('ignores X-Forwarded-For from a connection that is not a trusted proxy', () => {
    expect(trustedClientAddress('198.51.100.1', '203.0.113.7', proxies)).toBeNull();
  });

  it('takes the rightmost address the trusted proxies did not add', () => {
    expect(trustedClientAddress('::ffff:10.0.0.5', '1.2.3.4, 203.0.113.7', proxies)).toBe('203.0.113.7');
    expect(trustedClientAddress('10.0.0.5', ['1.2.3.4', '203.0.113.7, ::1'], proxies)).toBe('203.0.113.7');
  });

  it('names no one when the proxy sent no client', () => {
    expect(trustedClientAddress('10.0.0.5', undefined, proxies)).toBeNull();
    expect(trustedClientAddress('10.0.0.5', ' , ', proxies)).toBeNull();
  });
});
