import { KeptUnderVersion, keptRead } from './kept-under-version';

describe('values kept under a register version', () => {
  it('serves a value only under the version it was kept under', () => {
    const kept = new KeptUnderVersion<string>(10);
    kept.set('a', '1', 'first');
    expect(kept.get('a', '1')).toBe('first');
    expect(kept.get('a', '2')).toBeUndefined();
    kept.set('a', '2', 'second');
    expect(kept.get('a', '1')).toBeUndefined();
    expect(kept.get('a', '2')).toBe('second');
  });

  it('drops the least recently used beyond its capacity', () => {
    const kept = new KeptUnderVersion<number>(2);
    kept.set('a', '1', 1);
    kept.set('b', '1', 2);
    expect(kept.get('a', '1')).toBe(1); // a is now the most recently used
    kept.set('c', '1', 3);
    expect(kept.get('b', '1')).toBeUndefined();
    expect(kept.get('a', '1')).toBe(1);
    expect(kept.get('c', '1')).toBe(3);
  });

  it('forgets a value only while it is still the one kept', () => {
    const kept = new KeptUnderVersion<string>(10);
    kept.set('a', '1', 'old');
    kept.set('a', '1', 'new');
    kept.forget('a', 'old');
    expect(kept.get('a', '1')).toBe('new');
    kept.forget('a', 'new');
    expect(kept.get('a', '1')).toBeUndefined();
  });

  it('reads once however many ask at once, and keeps neither a failed read nor one that found nothing', async () => {
    const kept = new KeptUnderVersion<Promise<string | undefined>>(10);
    let reads = 0;
    const read =
      (value: string | undefined, fail = false) =>
      async () => {
        reads += 1;
        await Promise.resolve();
        if (fail) throw new Error('down');
        return value;
      };
    const [a, b] = await Promise.all([keptRead(kept, 'x', '1', read('facts')), keptRead(kept, 'x', '1', read('other'))]);
    expect([a, b, reads]).toEqual(['facts', 'facts', 1]);
    expect(await keptRead(kept, 'x', '2', read('newer'))).toBe('newer');
    expect(reads).toBe(2);

    await expect(keptRead(kept, 'y', '1', read(undefined, true))).rejects.toThrow('down');
    expect(await keptRead(kept, 'y', '1', read('after'))).toBe('after');
    expect(await keptRead(kept, 'z', '1', read(undefined))).toBeUndefined();
    expect(kept.get('z', '1')).toBeUndefined();
    expect(reads).toBe(5);
  });
});
