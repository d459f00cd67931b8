import { validateParams } from './rule-parameters.service';

describe(validateParams.name, () => {
  it.each([
    [{ renewalFirstReminderDaysBefore: 60 }, []],
    [{ putRightDays: 0 }, [{ field: 'putRightDays', problem: 'must be between 1 and 365' }]],
    [{ answerWithinDays: 91 }, [{ field: 'answerWithinDays', problem: 'must be between 1 and 90' }]],
    [{ awaitingReviewWorkingDays: 2.5 }, [{ field: 'awaitingReviewWorkingDays', problem: 'must be a whole number' }]],
    [{ informationRequestedDays: '14' }, [{ field: 'informationRequestedDays', problem: 'must be a number' }]],
    [{ reminderDays: 14 }, [{ field: 'reminderDays', problem: 'is not a rule parameter' }]],
  ])('%j: %j', (changes, problems) => {
    expect(validateParams(changes)).toEqual(problems);
  });
});
