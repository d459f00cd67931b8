import { Redaction, scrub, scrubText } from './scrub';

const jane: Redaction = {
  ids: ['11111111-1111-4111-8111-111111111111'],
  emails: ['jane.smith@example.org'],
  names: ['Jane Smith'],
  replacementName: 'Former member 7',
  replacementEmail: 'former-member-7@anonymised.invalid',
};

describe('scrub', () => {
  it.each([
    ['a name in a sentence', 'Hold a session with Jane Smith by 2026-01-05.', 'Hold a session with Former member 7 by 2026-01-05.'],
    ['a name whatever its case', 'not members: JANE SMITH, Sam Jones', 'not members: Former member 7, Sam Jones'],
    ['a name with a possessive', "Jane Smith's supervision", "Former member 7's supervision"],
    ['an address whatever its case', 'sent to Jane.Smith@Example.org', 'sent to former-member-7@anonymised.invalid'],
    ['not a longer name that contains it', 'Jane Smithson and Mary-Jane Smith', 'Jane Smithson and Mary-Jane Smith'],
    ['nothing about her', 'Little Acorns nursery', 'Little Acorns nursery'],
  ])('replaces %s', (_case, text, expected) => {
    expect(scrubText(text, jane)).toBe(expected);
  });

  it('renames an object that holds her id or address, even when her name is shared', () => {
    const shared = { ...jane, names: [] };
    expect(
      scrub(
        {
          recipients: [
            { email: 'jane.smith@example.org', name: 'Jane Smith' },
            { email: 'manager@example.org', name: 'Jane Smith' },
          ],
          nonMembers: [{ personId: jane.ids[0], name: 'Jane Smith' }],
          count: 2,
          at: null,
        },
        shared,
      ),
    ).toEqual({
      recipients: [
        { email: 'former-member-7@anonymised.invalid', name: 'Former member 7' },
        { email: 'manager@example.org', name: 'Jane Smith' },
      ],
      nonMembers: [{ personId: jane.ids[0], name: 'Former member 7' }],
      count: 2,
      at: null,
    });
  });

  it('leaves a value with nothing of hers as it was', () => {
    const value = { facts: { services: [{ id: 'x', name: 'North' }], days: 15 } };
    expect(scrub(value, jane)).toEqual(value);
  });
});
