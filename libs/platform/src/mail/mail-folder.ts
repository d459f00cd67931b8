import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { renameDurably, writeDurably } from '../storage/durable-files';

/**
 * Writes one RFC 822 message into the folder as `<UTC time>-<message id>.eml`, so `ls` shows them in
 * the order they were sent. The bytes go to a dot-file first and are renamed once flushed, the folder
 * flushed after as storage's uploads are: a crash leaves at most a stray `.tmp`, never half an `.eml`
 * that a mail client or a reader would pick up, nor an email recorded sent with its `.eml` unnamed.
 */
export async function writeEml(dir: string, raw: Buffer, messageId: string, at: Date): Promise<string> {
  await mkdir(dir, { recursive: true });
  const stamp = at.toISOString().replace(/[-:]/g, '');
  const id = messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._@-]/g, '_');
  const path = join(dir, `${stamp}-${id}.eml`);
  const temp = join(dir, `.${randomUUID()}.tmp`);
  await writeDurably(temp, raw);
  await renameDurably(temp, path);
  return path;
}
