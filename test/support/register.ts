import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { addDays } from '@npa/platform';
import { http, SignedIn, uniqueEmail } from './people';

/** Builds register records through the real HTTP routes, as a client would. */
export function registerBuilder(app: NestFastifyApplication, as: SignedIn) {
  const post = async (path: string, body: object, status = 201) => (await http(app).post(path).set(as.auth).send(body).expect(status)).body;
  return {
    post,
    service: (over: object = {}) =>
      post('/services', { name: `Portage ${randomUUID().slice(0, 6)}`, localAuthority: 'Portsmouth', region: 'South East', ageRange: '0-5', ...over }),
    person: (name = 'Alex Example') => post('/people', { name, email: uniqueEmail(name.split(' ')[0].toLowerCase()) }),
    member: (serviceId: string, personId: string, over: object = {}) =>
      post(`/services/${serviceId}/team`, { personId, role: 'practitioner', fte: 1, caseload: 12, startDate: '2024-01-01', ...over }),
    membership: (personId: string, startDate: string, endDate: string) =>
      post(`/people/${personId}/memberships`, { number: `NPA-${randomUUID().slice(0, 5)}`, startDate, endDate }),
    setting: (over: object = {}) =>
      post('/settings', {
        name: `Little Steps ${randomUUID().slice(0, 4)}`,
        ofstedUrn: `EY${String(Math.floor(Math.random() * 9e6) + 1e6)}`,
        kind: 'nursery',
        staffCount: 8,
        ...over,
      }),
  };
}

export const daysAgo = (today: string, n: number) => addDays(today, -n);
