import { keepJson, replyJson } from './kept-json';

describe('replyJson', () => {
  it.each([
    ['a plain object', { a: 1 }, '{"a":1}'],
    ['an array', [1, 'two'], '[1,"two"]'],
    ['null', null, 'null'],
    ['a value with toJSON', { at: new Date('2026-12-03T00:00:00Z') }, '{"at":"2026-12-03T00:00:00.000Z"}'],
  ])('serializes %s as JSON.stringify does', (_what, payload, expected) => {
    expect(replyJson(payload)).toBe(expected);
  });

  it('makes a kept answer JSON once and sends the same text after', () => {
    const answer = keepJson(Object.freeze({ status: 'compliant', rules: Object.freeze([Object.freeze({ id: 'SR-1' })]) }));
    const first = replyJson(answer);
    expect(first).toBe(JSON.stringify(answer));
    const spy = jest.spyOn(JSON, 'stringify');
    try {
      expect(replyJson(answer)).toBe(first);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses to keep the JSON of an answer that could still change', () => {
    expect(() => keepJson({ status: 'compliant' })).toThrow(/frozen/);
  });
});
