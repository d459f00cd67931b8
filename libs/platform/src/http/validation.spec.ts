import { InvalidInputException, NoBody } from './validation';

describe('NoBody', () => {
  it.each([[undefined], [null], [{}]])('lets %p through as no body', (value) => {
    expect(NoBody.transform(value, { type: 'body' })).toBeUndefined();
  });

  it.each([
    [{ state: 'approved' }, [{ field: 'state', problem: 'is not a field this request accepts' }]],
    [
      { id: 'x', organisationId: 'y' },
      [
        { field: 'id', problem: 'is not a field this request accepts' },
        { field: 'organisationId', problem: 'is not a field this request accepts' },
      ],
    ],
    [['x'], [{ field: 'body', problem: 'must be empty: this request takes no fields' }]],
    ['text', [{ field: 'body', problem: 'must be empty: this request takes no fields' }]],
  ])('refuses %p, naming each field', (value, details) => {
    const refusal = (() => {
      try {
        NoBody.transform(value, { type: 'body' });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(InvalidInputException);
    expect((refusal as InvalidInputException).details).toEqual(details);
  });
});
