import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { HttpStatus } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import { Authenticator, unauthorised } from '../auth/authenticator';
import { needsTotpSetup, TOTP_SETUP_PAGE, totpSetupRequired } from '../auth/totp-policy';
import { AppConfig } from '../config/app-config';
import { SESSION_COOKIE, WebSessions } from '../auth/web-sessions.service';
import { DomainError } from '../http/domain-error';
import { ErrorFilter } from '../http/error.filter';
import { JobQueue } from './job-queue';
import { QUEUES } from './jobs';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** Reading is all the dashboard does: a job is added, retried or removed by the code that owns it, audited there. */
const READS = new Set(['GET', 'HEAD']);

/**
 * bull-board, for NPA admins only, read-only: every queue with its waiting, active, failed and finished
 * jobs, their data and errors, and no button that adds, edits, retries, cleans, empties or obliterates.
 * It is a Fastify plugin outside Nest's routing, so it gets its own gate: the same authentication as the
 * API or the pages, the npa_admin role, refusals audited like the guard's, and any method but a read
 * refused (405) before bull-board sees it, whatever a later version of it adds.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const jobs = app.get(JobQueue);
  const authenticator = app.get(Authenticator);
  const sessions = app.get(WebSessions);
  const audit = app.get(AuditService);
  const config = app.get(AppConfig);
  const errors = new ErrorFilter();
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: QUEUES.map((name) => new BullMQAdapter(jobs.queue(name), { readOnlyMode: true })), serverAdapter });
  // bull-board would answer its own failures with the error's message (and, in development, its stack).
  // Its typings list the statuses it uses itself; the adapter sends any (503 while Redis is away).
  type Answer = ReturnType<Parameters<typeof serverAdapter.setErrorHandler>[0]>;
  serverAdapter.setErrorHandler((error) => {
    const body = errors.toBody(error);
    return { status: body.statusCode, body: { ...body } } as Answer;
  });

  // A bearer token (scripts), or the browser's sign-in: the session cookie is SameSite=Lax, so another
  // site cannot post to the dashboard's buttons with it.
  const who = async (request: FastifyRequest) => {
    if (request.headers.authorization) return authenticator.caller(request.headers);
    const caller = await sessions.caller(request.cookies?.[SESSION_COOKIE]);
    if (!caller) throw unauthorised();
    return caller;
  };
  const gate = async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      const { actor, totpEnabled } = await who(request);
      const refusal = needsTotpSetup(config.STAFF_TOTP_REQUIRED, actor.role, totpEnabled)
        ? { reason: 'totp-setup', error: totpSetupRequired() }
        : actor.role !== 'npa_admin'
          ? { reason: 'role', error: new DomainError('FORBIDDEN', HttpStatus.FORBIDDEN, 'Your role may not do this.') }
          : !READS.has(request.method)
            ? { reason: 'read-only', error: new DomainError('QUEUES.READ_ONLY', HttpStatus.METHOD_NOT_ALLOWED, 'The queue dashboard is read-only.') }
            : null;
      if (!refusal) return;
      await audit.record({
        actor,
        action: 'access.refused',
        entity: 'route',
        entityId: `${request.method} ${request.url}`.slice(0, 300),
        after: { reason: refusal.reason, status: refusal.error.status },
        ip: request.ip,
      });
      throw refusal.error;
    } catch (error) {
      const body = errors.toBody(error, request.id);
      const browser = request.method === 'GET' && /text\/html/.test(request.headers.accept ?? '');
      if (body.statusCode === 401 && browser) return reply.redirect(`/sign-in?next=${encodeURIComponent(QUEUE_DASHBOARD_PATH)}`, 303);
      if (browser && error instanceof DomainError && error.code === 'AUTH.TOTP_SETUP_REQUIRED') return reply.redirect(TOTP_SETUP_PAGE, 303);
      return reply.code(body.statusCode).send(body);
    }
  };
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', gate);
    await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
}
