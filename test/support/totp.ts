import { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '@npa/platform';
import { totpCodeAt } from '@npa/platform';
import { http, signedIn, SignedIn } from './people';

/**
 * The code the person's app shows `steps` steps from now. A set-up is confirmed with step 0 and a
 * sign-in then uses step 1 (inside the window of one step either side), so no test waits for the clock.
 */
export const codeAt = (secret: string, steps = 0) => totpCodeAt(secret, Math.floor(Date.now() / 1000) + steps * 30);

export interface StaffWithCodes extends SignedIn {
  secret: string;
}

/** An NPA staff member who has set up one-time codes through the API and confirmed them with the current code. */
export async function staffWithCodes(app: NestFastifyApplication, role: Extract<Role, 'npa_admin' | 'npa_reviewer'> = 'npa_reviewer'): Promise<StaffWithCodes> {
  const staff = await signedIn(app, role);
  const setup = await http(app).post('/auth/totp/setup').set(staff.auth).expect(200);
  const secret = (setup.body as { secret: string }).secret;
  await http(app)
    .post('/auth/totp/confirm')
    .set(staff.auth)
    .send({ code: await codeAt(secret) })
    .expect(200);
  return { ...staff, secret };
}
