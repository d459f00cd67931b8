import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { AppConfig } from '../config/app-config';
import { flush, renameDurably, writeDurably } from './durable-files';

/**
 * Where files the system keeps (evidence, letters) live. Files are stored under keys it generates, never
 * under a name a user chose, so no upload can name a path. Local folders (STORAGE_DIR) are the one
 * backend today; an object store would implement the same four calls.
 */
export abstract class Storage {
  /** Moves a finished temporary file into storage and returns its key. */
  abstract adopt(area: string, tempPath: string): Promise<string>;
  abstract put(area: string, content: Buffer): Promise<string>;
  abstract read(key: string): Promise<ReadStream>;
  abstract remove(key: string): Promise<void>;
  /** A place for an upload in progress, on the same disk as storage so adopting it is a rename. */
  abstract tempPath(): Promise<string>;
}

@Injectable()
export class LocalStorage extends Storage {
  private readonly root: string;

  constructor(config: AppConfig) {
    super();
    this.root = resolve(config.STORAGE_DIR);
  }

  async adopt(area: string, tempPath: string): Promise<string> {
    const key = this.newKey(area);
    const path = this.path(key);
    await flush(tempPath);
    await inFolder(path, () => renameDurably(tempPath, path));
    return key;
  }

  /**
   * Written straight under its new key, never over a file ('wx'): the key is unknown to anyone until this
   * returns, so a write cut short leaves a file nothing names, as a temporary one would, and a letter's
   * file costs one request to the disk fewer than writing it aside and renaming it (README, Benchmarks).
   */
  async put(area: string, content: Buffer): Promise<string> {
    const key = this.newKey(area);
    const path = this.path(key);
    await inFolder(path, () => writeDurably(path, content));
    return key;
  }

  async read(key: string): Promise<ReadStream> {
    const path = this.path(key);
    await stat(path);
    return createReadStream(path);
  }

  async remove(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async tempPath(): Promise<string> {
    const temp = this.tempFile();
    await mkdir(dirname(temp), { recursive: true });
    return temp;
  }

  private tempFile(): string {
    return join(this.root, 'tmp', `${randomUUID()}.part`);
  }

  private newKey(area: string): string {
    if (!/^[a-z-]+$/.test(area)) throw new Error(`Storage area must be lower-case letters: ${area}`);
    return `${area}/${new Date().toISOString().slice(0, 7)}/${randomUUID()}`;
  }

  private path(key: string): string {
    const path = resolve(this.root, key);
    // Keys are ours, but a key read back from the database is still checked before it touches the disk.
    if (!path.startsWith(this.root + sep)) throw new Error('Storage key outside the storage folder');
    return path;
  }
}

/**
 * Runs a write into `path`'s folder, making the folder only when the write finds it missing: once made
 * it is nearly always there, and asking first cost two system calls per file (a letter's every email).
 * Asked each time, not remembered: an operator may remove a folder while the system runs.
 */
async function inFolder<T>(path: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true });
    return write();
  }
}
