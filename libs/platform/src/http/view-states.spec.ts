import { collectViewStates } from './view-states';

describe(collectViewStates.name, () => {
  it.each([
    ['a state shown differently by two slices', [{ sent: { tag: 'green' } }, { sent: { tag: 'blue' } }]],
    ['a state labelled differently by two slices', [{ fail: { tag: 'red', label: 'Not met' } }, { fail: { tag: 'red' } }]],
  ] as const)('refuses %s', (_case, declarations) => {
    expect(() => collectViewStates(declarations)).toThrow(/is declared twice, differently/);
  });

  it('merges the slices, a shared state once', () => {
    expect(collectViewStates([{ sent: { tag: 'green' } }, { sent: { tag: 'green' }, at_risk: { tag: 'orange', label: 'At risk' } }])).toEqual({
      sent: { tag: 'green' },
      at_risk: { tag: 'orange', label: 'At risk' },
    });
  });
});
