import { close, constants, fdatasync, open as openFd, write } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';

/** A new file ('wx': never over another) whose every write returns once it is on the disk (O_DSYNC), where the system has it. */
const NEW_AND_SYNCED = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_DSYNC ?? 0);

// Wrapped here rather than by util.promisify, which would hold node:fs's functions as they were at load:
// looked up at each call, they are the ones the flush tests watch (storage/testing/count-flushes.ts).
const openNew = (path: string) =>
  new Promise<number>((resolve, reject) => openFd(path, NEW_AND_SYNCED, 0o666, (error, fd) => (error ? reject(error) : resolve(fd))));
const writeAt = (fd: number, content: Buffer, at: number) =>
  new Promise<number>((resolve, reject) => write(fd, content, at, content.length - at, null, (error, written) => (error ? reject(error) : resolve(written))));
const datasync = (fd: number) => new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
const closeFd = (fd: number) => new Promise<void>((resolve, reject) => close(fd, (error) => (error ? reject(error) : resolve())));

/**
 * A new file ('wx': never over another) written and flushed to the disk before it is named anywhere: a
 * caller that records its name next (a key the database commits, an .eml renamed into the outbox) must
 * not find it empty or gone after the machine crashes.
 * The folders' entries for it (and a folder just made for it) go with the flush on a journalling file
 * system (ext4, XFS), which commits them in the same or an earlier transaction than the file's size.
 *
 * Opened with O_DSYNC, so each write is also its flush (POSIX: as if followed by fdatasync), and through
 * the callback API with a plain descriptor: a letter's file was four requests to the disk threads, each
 * a FileHandle promise, and their bookkeeping on the event loop was a share of composing a letter
 * (README, Benchmarks). Where O_DSYNC is unknown (Windows), the file is flushed after its writes.
 */
export async function writeDurably(path: string, content: Buffer): Promise<void> {
  const fd = await openNew(path);
  try {
    for (let at = 0; at < content.length;) at += await writeAt(fd, content, at);
    // No write, no flush by O_DSYNC: an empty file is flushed as it was made.
    if (constants.O_DSYNC === undefined || content.length === 0) await datasync(fd);
  } finally {
    await closeFd(fd);
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
