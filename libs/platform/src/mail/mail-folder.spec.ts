import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countFlushes } from '../storage/testing/count-flushes';
import { writeEml } from './mail-folder';

describe('writeEml', () => {
  let dir: string;

  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'npa-outbox-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names the message by its time and id, leaving no temporary file', async () => {
    const path = await writeEml(join(dir, 'outbox'), Buffer.from('Subject: hello\r\n\r\nhi'), '<abc/1@portage.org.uk>', new Date('2026-12-06T01:02:03.004Z'));
    expect(path).toBe(join(dir, 'outbox', '20261206T010203.004Z-abc_1@portage.org.uk.eml'));
    expect(readFileSync(path, 'utf8')).toBe('Subject: hello\r\n\r\nhi');
    expect(readdirSync(join(dir, 'outbox'))).toEqual(['20261206T010203.004Z-abc_1@portage.org.uk.eml']);
  });

  // A crash of the machine cannot be staged here; what can be seen is that each flush is asked for.
  it('flushes the message before naming it, and the folder that names it', async () => {
    const flushes = await countFlushes(dir);
    try {
      await writeEml(dir, Buffer.from('a message'), '<m@x>', new Date());
      expect(flushes.counts()).toEqual({ written: 1, synced: 1 });
    } finally {
      flushes.restore();
    }
  });
});
