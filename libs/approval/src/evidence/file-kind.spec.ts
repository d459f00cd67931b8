import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync as zip } from 'fflate';
import { cleanFileName, sniffFile } from './file-kind';

const zipSync = (files: Record<string, string>) => Buffer.from(zip(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))));
const dir = mkdtempSync(join(tmpdir(), 'npa-sniff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe(sniffFile.name, () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%...'), 'application/pdf'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    [
      'a Word document',
      zipSync({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
  ])('knows %s by its content', async (_, content, type) => {
    expect((await sniffFile(file(`x-${type.length}`, content)))?.contentType).toBe(type);
  });

  it.each([
    ['a Windows program', Buffer.from('MZ\x90\x00\x03\x00\x00\x00')],
    ['plain text', Buffer.from('Dear reviewer')],
    ['an empty file', Buffer.alloc(0)],
    ['a zip that is not a Word document', zipSync({ 'notes.txt': 'hello' })],
    ['a broken zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])],
  ])('refuses %s', async (name, content) => {
    expect(await sniffFile(file(name.replace(/\W/g, '-'), content))).toBeNull();
  });
});

describe(cleanFileName.name, () => {
  it.each([
    ['policy.pdf', 'policy.pdf'],
    ['../../x', 'x'],
    ['C:\\Users\\me\\plan.docx', 'plan.docx'],
    ['..', 'evidence'],
    ['', 'evidence'],
    [undefined, 'evidence'],
    ['bad\u0000"name".pdf', 'badname.pdf'],
  ])('%s -> %s', (input, expected) => {
    expect(cleanFileName(input)).toBe(expected);
  });
});
