import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateUserDto } from './user.dto';

const USER = { email: 'sam@example.org', name: 'Sam', password: 'a-long-enough-password' };
const ORGANISATION = '0b9f8a52-2d3c-4a55-8d2e-5a3b1f0c9e11';

describe('organisationId of a new user (API.md: a service for a manager, a setting for a contact, absent for a trainer)', () => {
  it.each([
    ['service_manager', undefined, ["must be the id of the user's service (service_manager) or setting (setting_contact)"]],
    ['setting_contact', 'not-an-id', ["must be the id of the user's service (service_manager) or setting (setting_contact)"]],
    ['service_manager', ORGANISATION, []],
    ['npa_reviewer', undefined, []],
  ])('%s with %p answers %p', async (role, organisationId, problems) => {
    const errors = await validate(plainToInstance(CreateUserDto, { ...USER, role, organisationId }));
    expect(errors.filter((e) => e.property === 'organisationId').flatMap((e) => Object.values(e.constraints ?? {}))).toEqual(problems);
  });
});
