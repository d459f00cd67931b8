import { PassThrough, Readable } from 'node:stream';
import { setImmediate as turn } from 'node:timers/promises';
import { AfterDataStream } from './after-data-stream';

/** A message source that says when it has been read to its end. */
function source(parts: string[], failWith?: Error) {
  const events: string[] = [];
  const stream = new Readable({
    read() {
      const part = parts.shift();
      if (part !== undefined) return void this.push(Buffer.from(part));
      if (failWith) return void this.destroy(failWith);
      events.push('built');
      this.push(null);
    },
  });
  stream.on('close', () => events.push('source closed'));
  return { stream, events };
}

async function readAll(stream: Readable): Promise<{ bytes: string; error: string | null }> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { bytes: Buffer.concat(chunks).toString(), error: null };
  } catch (error) {
    return { bytes: Buffer.concat(chunks).toString(), error: (error as Error).message };
  }
}

describe('AfterDataStream', () => {
  it.each([
    {
      name: 'a message in several parts',
      parts: ['Subject: a\r\n', '\r\n', 'body\r\n'],
      hook: 'ok',
      sourceError: undefined,
      bytes: 'Subject: a\r\n\r\nbody\r\n',
      error: null,
    },
    { name: 'an empty message', parts: [], hook: 'ok', sourceError: undefined, bytes: '', error: null },
    { name: 'the hook refuses', parts: ['x'], hook: 'refuse', sourceError: undefined, bytes: '', error: 'taken over' },
    {
      name: 'the message cannot be built',
      parts: ['x'],
      hook: 'ok',
      sourceError: new Error('attachment unreadable'),
      bytes: '',
      error: 'attachment unreadable',
    },
  ])('$name: the message is built before it is asked for, and no byte comes before the hook has run', async ({ parts, hook, sourceError, bytes, error }) => {
    const { stream, events } = source([...parts], sourceError);
    const hooked = new AfterDataStream(stream, async () => {
      events.push('hook');
      if (hook === 'refuse') throw new Error('taken over');
    });
    await turn();
    await turn();
    // Built while the envelope would be on its way; the hook waits for the first read (after the 354).
    expect(events).toEqual(sourceError ? ['source closed'] : ['built', 'source closed']);
    hooked.on('data', () => events.push('byte'));
    expect(await readAll(hooked)).toEqual({ bytes, error });
    // A message that cannot be built fails before the hook: nothing may say it could have gone.
    expect(events.filter((e) => e === 'hook')).toHaveLength(sourceError ? 0 : 1);
    if (bytes) expect(events.indexOf('byte')).toBeGreaterThan(events.indexOf('hook'));
  });

  it('destroyed before it is read (the envelope was refused): the hook never runs and the source is released', async () => {
    const pending = new PassThrough();
    let hookRan = false;
    const hooked = new AfterDataStream(pending, async () => void (hookRan = true));
    hooked.destroy();
    await turn();
    expect(pending.destroyed).toBe(true);
    expect(hookRan).toBe(false);
  });
});
