import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

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

/**
 * A flushed file moved to its name for good: a rename changes only the folders, which no flush of the
 * file's data commits, so the folder it lands in is flushed too, or a crash could leave the file back
 * under its old name.
 */
export async function renameDurably(from: string, to: string): Promise<void> {
  await rename(from, to);
  await flush(dirname(to));
}
