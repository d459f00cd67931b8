import { IsInt, IsOptional, IsString } from 'class-validator';
import { createValidationPipe, InvalidInputException, NoBody } from './validation';

class PatchDto {
  @IsOptional()
  @IsString()
  endDate?: string;

  @IsOptional()
  @IsInt()
  caseload?: number;
}

describe('createValidationPipe', () => {
  it.each([
    [{ endDate: '2026-12-02' }, { endDate: '2026-12-02' }],
    [{ caseload: 0 }, { caseload: 0 }],
    [{}, {}],
  ])('leaves out what the client did not send: %j becomes %j with no own undefined', async (body, expected) => {
    const dto = await createValidationPipe().transform(body, { type: 'body', metatype: PatchDto });
    expect(dto).toBeInstanceOf(PatchDto);
    expect(Object.keys(dto as object)).toEqual(Object.keys(expected));
    expect(dto).toEqual(expected);
  });
});

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
