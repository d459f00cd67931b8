import { readCriterion } from './evidence-criterion';

describe(readCriterion.name, () => {
  it.each([
    ['nothing: evidence for the whole application', [], {}],
    ['one judged criterion', ['SA-RECORDS'], { criterionId: 'SA-RECORDS' }],
    ['the same one twice (query and field)', ['SA-RECORDS', 'SA-RECORDS'], { criterionId: 'SA-RECORDS' }],
    ['spaces around it', [' SA-RECORDS '], { criterionId: 'SA-RECORDS' }],
  ])('takes %s', (_, values, expected) => {
    expect(readCriterion(values)).toEqual(expected);
  });

  it.each([
    ['two different ones', ['SA-RECORDS', 'SA-REVIEWS'], 'more than once'],
    ['an unreadable value (a truncated field, a repeated query)', [null], 'could not be read'],
    ['an array from the query string', [['SA-RECORDS', 'SA-REVIEWS']], 'could not be read'],
    ['an empty value', [''], 'is empty'],
    ['an unknown criterion', ['SA-NOPE'], 'is not a Stamp of Approval criterion'],
    ['a computed criterion', ['SA-OFSTED'], 'decided from the register'],
  ])('refuses %s', (_, values, words) => {
    expect(readCriterion(values).problem).toContain(words);
  });
});
