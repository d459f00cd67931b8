import { base32Decode, base32Encode } from './base32';

describe('base32', () => {
  // RFC 4648 section 10, padding left off as otpauth:// secrets are written.
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('writes %j as %s and reads it back', (text, encoded) => {
    expect(base32Encode(Buffer.from(text))).toBe(encoded);
    expect(Buffer.from(base32Decode(encoded)).toString()).toBe(text);
  });

  it('reads lower case and padding', () => {
    expect(Buffer.from(base32Decode('mzxw6ytboi======')).toString()).toBe('foobar');
  });

  it('refuses a character outside the alphabet', () => {
    expect(() => base32Decode('MZXW1')).toThrow('not base32');
  });
});
