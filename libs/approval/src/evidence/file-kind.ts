// Evidence is accepted by what a file is, not what it is called: its first bytes, and for a Word
// document the parts inside the zip. (file-type, the usual library, is ESM-only since v17 and Jest
// runs here in CommonJS; four signatures and a zip listing are all we need.)
import { open } from 'node:fs/promises';
import yauzl from 'yauzl';

export interface FileKind {
  contentType: string;
  label: string;
}

export const PDF: FileKind = { contentType: 'application/pdf', label: 'PDF' };
export const PNG: FileKind = { contentType: 'image/png', label: 'PNG' };
export const JPEG: FileKind = { contentType: 'image/jpeg', label: 'JPEG' };
export const DOCX: FileKind = { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word (.docx)' };

const SIGNATURES: [FileKind, number[]][] = [
  [PDF, [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  [PNG, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  [JPEG, [0xff, 0xd8, 0xff]],
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The kinds of evidence accepted, for messages. */
export const ACCEPTED = 'PDF, PNG, JPEG or Word (.docx)';

/** Limits on a .docx's contents: a real document is far below them; a zip bomb is far above. */
const DOCX_LIMITS = { entries: 2000, uncompressedBytes: 200 * 1024 * 1024 };

const startsWith = (head: Buffer, signature: number[]) => signature.every((byte, i) => head[i] === byte);

/** What the file at `path` is, or null when it is none of the accepted kinds. */
export async function sniffFile(path: string): Promise<FileKind | null> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(8);
  try {
    await handle.read(head, 0, 8, 0);
  } finally {
    await handle.close();
  }
  for (const [kind, signature] of SIGNATURES) if (startsWith(head, signature)) return kind;
  if (startsWith(head, ZIP) && (await isWordDocument(path))) return DOCX;
  return null;
}

/** A .docx is a zip holding [Content_Types].xml and word/document.xml; a broken or oversized zip is not one. */
function isWordDocument(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return resolve(false);
      const names = new Set<string>();
      let entries = 0;
      let total = 0;
      const finish = (ok: boolean) => {
        zip.close();
        resolve(ok);
      };
      zip.on('entry', (entry: yauzl.Entry) => {
        entries += 1;
        total += entry.uncompressedSize;
        if (entries > DOCX_LIMITS.entries || total > DOCX_LIMITS.uncompressedBytes) return finish(false);
        names.add(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names.has('[Content_Types].xml') && names.has('word/document.xml')));
      zip.on('error', () => resolve(false));
      zip.readEntry();
    });
  });
}

/** A file name fit to show and to offer on download: no folders, no control characters, not too long. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? 'evidence' : clean;
}
