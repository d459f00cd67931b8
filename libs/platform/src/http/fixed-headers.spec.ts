import helmet from 'helmet';
import { fixedHeaders } from './fixed-headers';

describe('fixedHeaders', () => {
  it('keeps every header helmet sets, by lower-case name, and nothing it removes', () => {
    const headers = fixedHeaders(helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:'] } } }));
    expect(headers).toMatchObject({
      'content-security-policy': expect.stringContaining("img-src 'self' data:"),
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringMatching(/^max-age=\d+/),
      'cross-origin-opener-policy': 'same-origin',
      'x-xss-protection': '0',
    });
    expect(Object.keys(headers)).not.toContain('x-powered-by');
    expect(Object.keys(headers).every((name) => name === name.toLowerCase())).toBe(true);
    expect(Object.isFrozen(headers)).toBe(true);
  });

  it.each([
    ['fails', (_q: unknown, _s: unknown, next: (e?: unknown) => void) => next(new Error('bad directive')), /failed: bad directive/],
    ['answers the request', (_q: unknown, res: { end: () => void }) => res.end(), /answered the request itself/],
    ['finishes later', (_q: unknown, _s: unknown, next: () => void) => void setTimeout(next, 0), /did not finish at once/],
    [
      'sets a header twice',
      (_q: unknown, res: { setHeader: (n: string, v: string[]) => void }) => res.setHeader('link', ['a', 'b']),
      /sets link more than once/,
    ],
  ])('refuses a middleware that %s', (_what, middleware, message) => {
    expect(() => fixedHeaders(middleware as Parameters<typeof fixedHeaders>[0])).toThrow(message);
  });
});
