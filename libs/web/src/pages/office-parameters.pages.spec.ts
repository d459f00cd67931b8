import { DEFAULT_RULE_PARAMS } from '@npa/compliance';
import { versionChanges } from './office-parameters.pages';

describe(versionChanges.name, () => {
  const at = (version: number, changes: object) => ({
    version,
    params: { ...DEFAULT_RULE_PARAMS, ...changes },
    createdAt: `2026-12-0${version}T09:00:00.000Z`,
  });

  it('says what each version changed from the one before, newest first', () => {
    const history = [at(2, { renewalSecondReminderDaysBefore: 21, putRightDays: 21 }), at(1, { renewalSecondReminderDaysBefore: 21 })];
    expect(versionChanges(history)).toEqual([
      { version: 2, createdAt: history[0].createdAt, changes: ['Days a service has to put right an essential rule (compliance letter): 28 to 21'] },
      { version: 1, createdAt: history[1].createdAt, changes: ['Second award renewal reminder (days before expiry): 30 to 21'] },
    ]);
  });

  it('says nothing of a parameter an older version did not have yet', () => {
    const { answerWithinDays: _left, ...older } = DEFAULT_RULE_PARAMS;
    const history = [at(2, { answerWithinDays: 21 }), { version: 1, params: older, createdAt: '2026-11-01T09:00:00.000Z' }];
    expect(versionChanges(history)[0].changes).toEqual([]);
  });
});
