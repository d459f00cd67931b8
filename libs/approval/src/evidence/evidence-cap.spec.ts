import { evidenceCapRefusal } from './evidence-cap';

const MB = 1024 * 1024;
const cap = { maxFiles: 3, maxBytes: 10 * MB };

describe(evidenceCapRefusal.name, () => {
  it.each([
    ['an empty application, before reading', { files: 0, bytes: 0 }, 0, null],
    ['an empty application, a 10 MB file', { files: 0, bytes: 0 }, 10 * MB, null],
    ['room for one more file exactly filling the size', { files: 2, bytes: 6 * MB }, 4 * MB, null],
    ['one byte over the total', { files: 2, bytes: 6 * MB }, 4 * MB + 1, 413],
    ['already at the total, before reading', { files: 1, bytes: 10 * MB }, 0, 413],
    ['already holding the most files, before reading', { files: 3, bytes: 1 }, 0, 409],
    ['the most files and over the size: the count is said first', { files: 3, bytes: 10 * MB }, 1, 409],
    ['under both', { files: 2, bytes: 9 * MB }, 0, null],
  ])('%s', (_name, held, adding, status) => {
    const refusal = evidenceCapRefusal(held, adding, cap);
    expect(refusal ? Number(refusal.status) : null).toBe(status);
    if (refusal) expect(refusal.details).toEqual([{ field: 'file', problem: expect.any(String) }]);
  });
});
