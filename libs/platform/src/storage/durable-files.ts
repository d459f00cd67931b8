import { open } from 'node:fs/promises';

/**
 * A new file ('wx': never over another) written and flushed to the disk before it is named anywhere: a
 * caller that records its name next (a key the database commits, an .eml renamed into the outbox) must
 * not find it empty or gone after the machine crashes.
 * The folders' entries for it (and a folder just made for it) go with the flush on a journalling file
 * system (ext4, XFS), which commits them in the same or an earlier transaction than the file's size.
 */
export async function writeDurably(path: string, content: Buffer): Promise<void> {
  const file = await open(path, 'wx');
  try {
    await file.writeFile(content);
    await file.datasync();
  } finally {
    await file.close();
  }
}

/** Flushes a file (its data) or a folder (its entries) to the disk; a read-only handle will do for either. */
export async function flush(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
