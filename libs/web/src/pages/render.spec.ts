import { conflict, invalid, notFound } from '@npa/platform';
import { withFormErrors } from './render';

describe(withFormErrors.name, () => {
  const shown = (errors: { message: string }[], status: number) => ({ shown: errors.map((e) => e.message), status });

  it.each([
    [
      'a refused field comes back in the summary with 400',
      invalid('Bad.', [{ field: 'name', problem: 'must be given' }]),
      { shown: ['Name must be given'], status: 400 },
    ],
    ['a conflict comes back with 409', conflict('TAKEN', 'That email is taken.'), { shown: ['That email is taken.'], status: 409 }],
  ])('%s', async (_, error, expected) => {
    await expect(withFormErrors(() => Promise.reject(error), { name: 'Name' }, shown)).resolves.toEqual(expected);
  });

  it.each([
    ['a 404 goes on to the error page', notFound('The setting')],
    ['an unexpected error goes on', new Error('boom')],
  ])('%s', async (_, error) => {
    await expect(withFormErrors(() => Promise.reject(error), {}, shown)).rejects.toBe(error);
  });

  it('answers with the change when it succeeds', async () => {
    await expect(withFormErrors<unknown>(async () => 'redirected', {}, shown)).resolves.toBe('redirected');
  });
});
