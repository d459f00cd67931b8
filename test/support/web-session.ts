import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { http, PASSWORD } from './people';

/** Reads the CSRF token and cookie a page gives out, as a browser would keep them. */
export async function formSession(app: NestFastifyApplication, path: string, cookies: string[] = [], status = 200) {
  const response = await http(app).get(path).set('Cookie', cookies).expect(status);
  const token = /name="_csrf" value="([^"]+)"/.exec(response.text)?.[1];
  const set = ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]);
  return { token: token!, cookies: [...cookies.filter((c) => !set.some((s) => s.split('=')[0] === c.split('=')[0])), ...set], html: response.text };
}

/** A browser session for a user, signed in through the sign-in form. */
export async function webSession(app: NestFastifyApplication, email: string, password = PASSWORD) {
  const form = await formSession(app, '/sign-in');
  const signIn = await http(app).post('/sign-in').set('Cookie', form.cookies).type('form').send({ _csrf: form.token, email, password }).expect(303);
  const session = ([] as string[]).concat(signIn.headers['set-cookie'] ?? []).find((c) => c.startsWith('npa_session='))!.split(';')[0];
  return [...form.cookies, session];
}
