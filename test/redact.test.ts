// Secrets in URLs and tokens are taken out of any text before it is logged or shown, in linear time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redact } from '../src/redact.ts';

describe('redact', () => {
  it.each([
    ['cannot reach http://bob:hunter2@feeds.example/job: ECONNREFUSED', 'cannot reach http://[redacted]@feeds.example/job: ECONNREFUSED'],
    ['https://KEY123@harvest.example/v1', 'https://[redacted]@harvest.example/v1'],
    ['https://x.example/jobs?api_key=abc&page=2', 'https://x.example/jobs?api_key=[redacted]&page=2'],
    ['https://x.example/jobs?page=2&access_token=abc#top', 'https://x.example/jobs?page=2&access_token=[redacted]#top'],
    ['https://x.example/?X-Amz-Signature=abcdef&client_secret=s', 'https://x.example/?X-Amz-Signature=[redacted]&client_secret=[redacted]'],
    ['token xoxb-123-456-abcdef and xapp-1-A1-xyz', 'token [redacted] and [redacted]'],
    ['authorization: Basic Ym9iOmh1bnRlcjI=', 'authorization: Basic [redacted]'],
    ['jsonld:https://example.com/careers/42', 'jsonld:https://example.com/careers/42'],
    ['write to ada@example.com about ?page=2&sort=new', 'write to ada@example.com about ?page=2&sort=new'],
  ])('%s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('no generated secret survives in a URL', () => {
    const secret = fc.stringMatching(/^[A-Za-z0-9]{6,30}$/);
    fc.assert(
      fc.property(secret, secret, fc.constantFrom('api_key', 'apikey', 'token', 'access_token', 'password', 'key', 'sig'), fc.constantFrom('/', '/jobs', '/v1/boards/acme/jobs'), (user, pass, param, path) => {
        const url = `https://${user}:${pass}@jobs.example${path}?page=1&${param}=${pass}`;
        const out = redact(`GET ${url} failed`);
        expect(out).not.toContain(`${user}:`);
        expect(out.includes(`=${pass}`)).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('stays linear on long adversarial text', () => {
    for (const text of ['//'.repeat(200_000), `//${'a:'.repeat(200_000)}`, `?${'key_'.repeat(100_000)}`, `${'xoxb-'.repeat(100_000)}`, `Basic ${'A'.repeat(400_000)}`]) {
      const t0 = performance.now();
      redact(text);
      expect(performance.now() - t0).toBeLessThan(500);
    }
  });
});
