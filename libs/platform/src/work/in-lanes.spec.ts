import { inLanes } from './in-lanes';

/** A step of work that answers when told, recording when it began and ended. */
function steps(fail: number[] = []) {
  const log: string[] = [];
  const waiting = new Map<number, () => void>();
  const work = (item: number) =>
    new Promise<void>((resolve, reject) => {
      log.push(`begin ${item}`);
      waiting.set(item, () => {
        log.push(`end ${item}`);
        if (fail.includes(item)) reject(new Error(`item ${item} failed`));
        else resolve();
      });
    });
  const finish = async (item: number) => {
    waiting.get(item)!();
    await new Promise((r) => setImmediate(r));
  };
  return { log, work, finish };
}

describe('inLanes: work for each item, a few at a time', () => {
  it('begins as many items as there are lanes, and the next as each ends', async () => {
    const { log, work, finish } = steps();
    const done = inLanes([1, 2, 3, 4], 2, work);
    await new Promise((r) => setImmediate(r));
    expect(log).toEqual(['begin 1', 'begin 2']);
    await finish(2);
    expect(log).toEqual(['begin 1', 'begin 2', 'end 2', 'begin 3']);
    await finish(1);
    await finish(3);
    await finish(4);
    await expect(done).resolves.toBeUndefined();
    expect(log.filter((l) => l.startsWith('begin'))).toEqual(['begin 1', 'begin 2', 'begin 3', 'begin 4']);
  });

  it.each<[string, number[], number, number[], string[]]>([
    ['one lane: one item at a time', [1, 2, 3], 1, [], ['begin 1', 'end 1', 'begin 2', 'end 2', 'begin 3', 'end 3']],
    ['more lanes than items: all at once', [1, 2], 4, [], ['begin 1', 'begin 2', 'end 1', 'end 2']],
    ['no items: nothing', [], 2, [], []],
  ])('%s', async (_, items, lanes, fail, expected) => {
    const { log, work, finish } = steps(fail);
    const done = inLanes(items, lanes, work);
    for (const item of items) {
      await new Promise((r) => setImmediate(r));
      await finish(item);
    }
    await done;
    expect(log).toEqual(expected);
  });

  it('after a failure begins nothing more, waits for the item under way, then throws the failure', async () => {
    const { log, work, finish } = steps([1]);
    let settled = false;
    const done = inLanes([1, 2, 3, 4], 2, work).finally(() => (settled = true));
    done.catch(() => undefined);
    await new Promise((r) => setImmediate(r));
    await finish(1);
    expect(settled).toBe(false);
    expect(log).toEqual(['begin 1', 'begin 2', 'end 1']);
    await finish(2);
    await expect(done).rejects.toThrow('item 1 failed');
    expect(log).toEqual(['begin 1', 'begin 2', 'end 1', 'end 2']);
  });
});
