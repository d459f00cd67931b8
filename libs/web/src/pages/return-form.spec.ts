import { DomainError } from '@npa/platform';
import { formValues, readReturnForm, returnFormErrors, showFigure, toReturnDto } from './return-form';

const typed = {
  referralsAccepted: '100',
  childrenSupported: '120',
  waitingList: '10',
  ageRange: '0-5',
  fundingSource: 'local_authority',
  budgetCut: 'no',
  teamFte: '4.5',
  annualCost: '240000',
};

function refusal(values: Record<string, string>) {
  try {
    toReturnDto(readReturnForm(values));
  } catch (error) {
    return { details: (error as DomainError).details, summary: returnFormErrors(error) };
  }
  throw new Error('the form was accepted');
}

describe('the annual return form', () => {
  it('turns what was typed into the API DTO: numbers, a yes or no, "£240,000" and "1,200" as people type them', () => {
    expect(toReturnDto(readReturnForm({ ...typed, referralsAccepted: ' 1,200 ', annualCost: '£240,000', budgetCut: 'yes' }))).toMatchObject({
      referralsAccepted: 1200,
      childrenSupported: 120,
      waitingList: 10,
      ageRange: '0-5',
      fundingSource: 'local_authority',
      budgetCut: true,
      teamFte: 4.5,
      annualCost: 240000,
    });
  });

  it.each([
    ['referralsAccepted', '', 'Enter the number of referrals accepted, or 0'],
    ['waitingList', '', 'Enter the number of children on the waiting list at the year end, or 0'],
    ['ageRange', '', 'Select the age range served'],
    ['budgetCut', '', 'Select yes if the budget was cut in the last 12 months'],
    ['annualCost', '  ', 'Enter the annual cost of the service in pounds'],
    ['waitingList', '-1', 'Children on the waiting list at the year end cannot be below 0: enter 0 if no child is waiting'],
    ['referralsAccepted', 'twelve', 'Referrals accepted must be a number'],
    ['childrenSupported', '12.5', 'Children supported must be a whole number'],
    ['teamFte', '0', 'Team size (full-time equivalent) must be more than 0'],
    ['annualCost', '£0', 'Annual cost (£) must be more than £0: enter the whole annual cost of the service in pounds'],
    ['budgetCut', 'maybe', 'Budget cut in the last 12 months must be true or false'],
  ])('%s typed as "%s" is refused with "%s"', (field, value, message) => {
    const { summary } = refusal({ ...typed, [field]: value });
    expect(summary).toEqual([{ field, message, href: `#${field}` }]);
  });

  it('lists every blank field in the order of the form, never NaN', () => {
    const { summary } = refusal({});
    expect(summary?.map((e) => e.field)).toEqual([
      'referralsAccepted',
      'childrenSupported',
      'waitingList',
      'ageRange',
      'fundingSource',
      'budgetCut',
      'teamFte',
      'annualCost',
    ]);
    expect(JSON.stringify(summary)).not.toMatch(/NaN/);
  });

  it('shows a filed return in the form and in words', () => {
    const figures = {
      referralsAccepted: 1200,
      childrenSupported: 120,
      waitingList: 0,
      ageRange: '0-4' as const,
      fundingSource: 'charity' as const,
      budgetCut: false,
      teamFte: 4.5,
      annualCost: 240000,
    };
    expect(formValues(figures)).toMatchObject({ referralsAccepted: '1200', budgetCut: 'no', teamFte: '4.5' });
    expect(formValues(null).annualCost).toBe('');
    expect([
      showFigure('referralsAccepted', figures),
      showFigure('annualCost', figures),
      showFigure('ageRange', figures),
      showFigure('fundingSource', figures),
      showFigure('budgetCut', figures),
    ]).toEqual(['1,200', '£240,000', '0 to 4 years', 'Charity', 'No']);
  });
});
