import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { defineLetterKind } from '@npa/platform';
import { LETTER_KIND_DECLARATIONS } from '../../../apps/letter-kinds';
import { letterKindProblems, LetterKinds } from './letter-kind.registry';
import { LetterKindsModule } from './letter-kinds.module';
import type { LetterKindDeclaration } from './letter-kinds';

// A kind of the tests' own, with its two templates in a directory of their own.
const dir = mkdtempSync(join(tmpdir(), 'letter-kinds-'));
for (const file of ['award.hbs', 'award.txt.hbs', 'reminder.hbs', 'reminder.txt.hbs']) writeFileSync(join(dir, file), '{{setting.name}}');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const award = defineLetterKind({
  kind: 'award',
  title: 'Stamp of Approval awarded',
  subjectName: (data) => data.setting.name,
  sample: {
    setting: { name: 'Little Acorns', ofstedUrn: 'EY1' },
    applicationKind: 'new',
    awardedOn: '2026-11-23',
    expiresOn: '2027-11-22',
    renewBy: '2027-09-23',
  },
  sampleRecipient: { name: 'Rebecca Hale', addressLines: [] },
});
const other = (changes: Partial<LetterKindDeclaration>) => ({ ...award, ...changes }) as LetterKindDeclaration;

describe(letterKindProblems.name, () => {
  it.each<[string, LetterKindDeclaration[], string[]]>([
    ['a complete kind', [award], []],
    ['a kind declared twice', [award, other({ title: 'Again' })], ['Letter kind award is declared twice']],
    ['a kind with no title', [other({ title: ' ' })], ['Letter kind award has no title']],
    ['a kind with no subject', [other({ subjectName: undefined })], ['Letter kind award has no subjectName']],
    ['a kind with no sample', [other({ sample: undefined })], ['Letter kind award has no sample']],
    ['a kind with no sample recipient', [other({ sampleRecipient: undefined })], ['Letter kind award has no sample']],
    [
      'a kind with no template',
      [other({ kind: 'rejection' })],
      ['Letter kind rejection has no template rejection.hbs', 'Letter kind rejection has no template rejection.txt.hbs'],
    ],
  ])('%s', (_, declarations, problems) => {
    expect(letterKindProblems(declarations, dir)).toEqual(problems);
  });

  it('finds nothing wrong with the kinds the slices declare, against the shipped templates', () => {
    expect(letterKindProblems(LETTER_KIND_DECLARATIONS)).toEqual([]);
  });
});

describe(LetterKinds.name, () => {
  const kinds = new LetterKinds([award, other({ kind: 'reminder', title: 'Reminder', printed: false })], dir);

  it('answers each kind from its declaration, and an undeclared one by its name', () => {
    expect(kinds.title('award')).toBe('Stamp of Approval awarded');
    expect(kinds.title('retired-kind')).toBe('retired-kind');
    expect(kinds.isPrinted('award')).toBe(true);
    expect(kinds.isPrinted('reminder')).toBe(false);
    expect(kinds.defaultBody('award')).toEqual({ version: 1, html: '{{setting.name}}', text: '{{setting.name}}' });
    expect(kinds.has('lapse-notice')).toBe(false);
    expect(() => kinds.get('lapse-notice')).toThrow('No letter kind lapse-notice');
  });
});

describe(LetterKindsModule.name, () => {
  it('stops the boot on a duplicate kind', async () => {
    const boot = Test.createTestingModule({ imports: [LetterKindsModule.register([...LETTER_KIND_DECLARATIONS, LETTER_KIND_DECLARATIONS[0]])] }).compile();
    await expect(boot).rejects.toThrow('Letter kind registration-compliance is declared twice');
  });

  it('boots with every slice declaration, each kind once', async () => {
    const app = await Test.createTestingModule({ imports: [LetterKindsModule.register(LETTER_KIND_DECLARATIONS)] }).compile();
    expect(app.get(LetterKinds).kinds()).toHaveLength(LETTER_KIND_DECLARATIONS.length);
    await app.close();
  });
});
