import fs from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Counts the flushes to the disk that code asks for, since a crash of the machine cannot be staged in a
 * test: `written`, new files flushed as they are written (opened with O_DSYNC, or flushed after); `synced`,
 * files or folders flushed through a handle (an adopted upload, the folder that names a file).
 */
export async function countFlushes(dir: string) {
  const probe = await open(join(dir, 'probe'), 'w');
  const handles = Object.getPrototypeOf(probe) as { datasync(): Promise<void>; sync(): Promise<void> };
  await probe.close();
  const spies = {
    opens: jest.spyOn(fs, 'open'),
    fdatasyncs: jest.spyOn(fs, 'fdatasync'),
    datasyncs: jest.spyOn(handles, 'datasync'),
    syncs: jest.spyOn(handles, 'sync'),
  };
  const dsync = fs.constants.O_DSYNC;
  // Files, not calls: a first open in a folder not made yet fails, and is tried again once it is.
  const openedSynced = () =>
    new Set(
      spies.opens.mock.calls.filter(([, flags]) => dsync !== undefined && typeof flags === 'number' && (flags & dsync) !== 0).map(([path]) => String(path)),
    ).size;
  return {
    counts: () => ({
      written: openedSynced() + spies.fdatasyncs.mock.calls.length + spies.datasyncs.mock.calls.length,
      synced: spies.syncs.mock.calls.length,
    }),
    restore: () => Object.values(spies).forEach((spy) => spy.mockRestore()),
  };
}
