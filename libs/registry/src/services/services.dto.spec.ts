import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AddTeamMemberDto, UpdateTeamMemberDto } from './services.dto';

const POST = { personId: '0b9f8a52-2d3c-4a55-8d2e-5a3b1f0c9e11', role: 'practitioner', caseload: 4, startDate: '2026-01-05' };

/** What each refusal of an fte says: every one names what to send instead. */
async function fteProblems(dto: typeof AddTeamMemberDto | typeof UpdateTeamMemberDto, fte: number) {
  const errors = await validate(plainToInstance(dto, { ...(dto === AddTeamMemberDto ? POST : {}), fte }));
  return errors.filter((e) => e.property === 'fte').flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('fte of a team member (API.md: in (0, 1])', () => {
  it.each([
    [0.6, []],
    [1, []],
    [0.125, []],
    [0.001, []],
    [0, ['must be more than 0 (the smallest is 0.001)']],
    [-0.5, ['must be more than 0 (the smallest is 0.001)']],
    [1.2, ['must be at most 1 (full time)']],
    [0.3333, ['must be a number with at most 3 decimal places, such as 0.6 or 0.125']],
  ])('fte %p answers %p', async (fte, problems) => {
    for (const dto of [AddTeamMemberDto, UpdateTeamMemberDto]) expect(await fteProblems(dto, fte)).toEqual(problems);
  });
});
