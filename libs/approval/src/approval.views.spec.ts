import { userRef } from './approval.views';

const REVIEWER = { id: '6bdba54a-1756-4cb2-a1e3-46925d5e1f18', name: 'Rita Reviewer', role: 'npa_reviewer' };

describe(userRef.name, () => {
  it.each([
    ['NPA staff see the id', REVIEWER, true, REVIEWER],
    ['a setting sees the name and role only', REVIEWER, false, { name: 'Rita Reviewer', role: 'npa_reviewer' }],
    ['a reference without a role stays without one', { id: REVIEWER.id, name: 'Rita Reviewer' }, false, { name: 'Rita Reviewer' }],
    ['an unknown actor', { id: null, name: null, role: null }, false, { name: null, role: null }],
  ])('%s', (_case, user, forStaff, expected) => {
    expect(userRef(user, forStaff)).toEqual(expected);
  });
});
