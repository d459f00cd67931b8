import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { LocalStorage } from './storage';
import { countFlushes } from './testing/count-flushes';

describe('LocalStorage', () => {
  let root: string;
  let storage: LocalStorage;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'npa-storage-'));
    storage = new LocalStorage({ STORAGE_DIR: join(root, 'storage') } as AppConfig);
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const stored = (key: string) => readFileSync(join(root, 'storage', key), 'utf8');

  it('keeps a file under a new key in a storage folder that does not exist yet', async () => {
    const key = await storage.put('letters', Buffer.from('first'));
    expect(key).toMatch(/^letters\/\d{4}-\d{2}\/[0-9a-f-]{36}$/);
    expect(stored(key)).toBe('first');
    // Written in place: nothing was set aside to rename.
    expect(existsSync(join(root, 'storage', 'tmp'))).toBe(false);
  });

  it('makes its folders again when someone removed them while it runs', async () => {
    await storage.put('letters', Buffer.from('first'));
    for (const folder of ['tmp', 'letters']) {
      rmSync(join(root, 'storage', folder), { recursive: true, force: true });
      const key = await storage.put('letters', Buffer.from(`after ${folder} went`));
      expect(stored(key)).toBe(`after ${folder} went`);
    }
  });

  it('gives an upload a place in a folder that exists, and adopts it', async () => {
    const temp = await storage.tempPath();
    await writeFile(temp, 'uploaded');
    expect(stored(await storage.adopt('evidence', temp))).toBe('uploaded');
  });

  // A crash of the machine cannot be staged here; what can be seen is that each flush is asked for.
  it('flushes a file it keeps to the disk before giving out its key, and the folder an upload is moved into', async () => {
    const flushes = await countFlushes(root);
    try {
      await storage.put('letters', Buffer.from('a letter'));
      expect(flushes.counts()).toEqual({ written: 1, synced: 0 });

      const temp = await storage.tempPath();
      await writeFile(temp, 'uploaded');
      await storage.adopt('evidence', temp);
      // The upload's data, then the folder that now names it.
      expect(flushes.counts()).toEqual({ written: 1, synced: 2 });
    } finally {
      flushes.restore();
    }
  });
});
