import { DomainError } from '@npa/platform';
import { ApplicationAction, ApplicationState, nextState, rolesFor } from './machine';

describe(nextState.name, () => {
  it.each<[ApplicationState, ApplicationAction, ApplicationState]>([
    ['draft', 'submit', 'submitted'],
    ['draft', 'edit', 'draft'],
    ['submitted', 'start-review', 'under_review'],
    ['under_review', 'recommend', 'under_review'],
    ['under_review', 'request-information', 'information_requested'],
    ['information_requested', 'edit', 'information_requested'],
    ['information_requested', 'submit', 'submitted'],
    ['under_review', 'approve', 'approved'],
    ['under_review', 'reject', 'rejected'],
    ['draft', 'withdraw', 'withdrawn'],
    ['submitted', 'withdraw', 'withdrawn'],
    ['under_review', 'withdraw', 'withdrawn'],
    ['information_requested', 'withdraw', 'withdrawn'],
  ])('%s --%s--> %s', (from, action, to) => {
    expect(nextState(from, action)).toBe(to);
  });

  it.each<[ApplicationState, ApplicationAction, string]>([
    ['draft', 'start-review', 'APPLICATION.WRONG_STATE'],
    ['draft', 'approve', 'APPLICATION.WRONG_STATE'],
    ['submitted', 'submit', 'APPLICATION.WRONG_STATE'],
    ['submitted', 'edit', 'APPLICATION.WRONG_STATE'],
    ['submitted', 'request-information', 'APPLICATION.WRONG_STATE'],
    ['under_review', 'edit', 'APPLICATION.WRONG_STATE'],
    ['information_requested', 'approve', 'APPLICATION.WRONG_STATE'],
    ['withdrawn', 'submit', 'APPLICATION.WRONG_STATE'],
    ['withdrawn', 'withdraw', 'APPLICATION.WRONG_STATE'],
    ['approved', 'approve', 'APPLICATION.ALREADY_DECIDED'],
    ['approved', 'reject', 'APPLICATION.ALREADY_DECIDED'],
    ['rejected', 'withdraw', 'APPLICATION.ALREADY_DECIDED'],
    ['approved', 'edit', 'APPLICATION.ALREADY_DECIDED'],
  ])('refuses %s --%s--> with 409 %s', (from, action, code) => {
    let error: unknown;
    try {
      nextState(from, action);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ status: 409, code });
  });

  it('names the states an action is allowed from', () => {
    expect(() => nextState('draft', 'start-review')).toThrow(/only one that is submitted/);
    try {
      nextState('approved', 'withdraw');
    } catch (e) {
      expect((e as DomainError).message).toMatch(/decision is final/);
    }
    try {
      nextState('submitted', 'edit');
    } catch (e) {
      expect((e as DomainError).details).toEqual([{ field: 'state', problem: 'must be one of: draft, information_requested' }]);
    }
  });

  it('lets the setting submit and withdraw, and only NPA staff review and decide', () => {
    expect(rolesFor('submit')).toEqual(['setting_contact', 'npa_admin']);
    expect(rolesFor('withdraw')).toEqual(['setting_contact', 'npa_admin']);
    for (const action of ['start-review', 'recommend', 'request-information', 'approve', 'reject'] as const) {
      expect(rolesFor(action)).toEqual(['npa_reviewer', 'npa_admin']);
    }
  });
});
