import { carriedOverUnconfirmed, statementsToCarry } from './renewal.rules';

describe(carriedOverUnconfirmed.name, () => {
  it.each([
    { case: 'nothing carried over', rows: [{ criterionId: 'SA-PRINCIPLES', statement: 'ours', carriedOver: false }], fields: [] },
    { case: 'one carried over, unconfirmed', rows: [{ criterionId: 'SA-REVIEWS', statement: 'old', carriedOver: true }], fields: ['SA-REVIEWS'] },
    {
      case: 'two carried over, one confirmed',
      rows: [
        { criterionId: 'SA-PRINCIPLES', statement: 'old', carriedOver: true },
        { criterionId: 'SA-RECORDS', statement: 'old', carriedOver: false },
      ],
      fields: ['SA-PRINCIPLES'],
    },
    { case: 'a computed criterion is never a statement to confirm', rows: [{ criterionId: 'SA-OFSTED', statement: null, carriedOver: true }], fields: [] },
    { case: 'no rows', rows: [], fields: [] },
  ])('$case', ({ rows, fields }) => {
    expect(carriedOverUnconfirmed(rows).map((p) => p.field)).toEqual(fields);
  });

  it('says what the setting must do', () => {
    expect(carriedOverUnconfirmed([{ criterionId: 'SA-ASSESSMENT', statement: 'old', carriedOver: true }])).toEqual([
      { field: 'SA-ASSESSMENT', problem: "needs last year's statement confirmed or edited" },
    ]);
  });
});

describe(statementsToCarry.name, () => {
  it.each([
    { case: 'copies a judged statement', rows: [{ criterionId: 'SA-PRINCIPLES', statement: 'We visit' }], carried: ['SA-PRINCIPLES'] },
    { case: 'skips an empty statement', rows: [{ criterionId: 'SA-PRINCIPLES', statement: '  ' }], carried: [] },
    { case: 'skips a missing statement', rows: [{ criterionId: 'SA-RECORDS', statement: null }], carried: [] },
    { case: 'skips a computed criterion', rows: [{ criterionId: 'SA-TRAINED', statement: 'x' }], carried: [] },
  ])('$case', ({ rows, carried }) => {
    expect(statementsToCarry(rows).map((r) => r.criterionId)).toEqual(carried);
  });
});
