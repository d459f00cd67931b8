import '@fastify/view';
import { Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@npa/platform';
import { DomainError, type ProblemDetail } from '@npa/platform';
import { statusOf } from './form-input';
import { navFor } from './nav';

export interface FormError {
  field: string;
  message: string;
  href: string;
}

/**
 * What a page handler answers on: the reply, with its request as `reply.request`. Taking it tells Nest
 * the page sends its own answer (it renders, redirects or streams), as `@Res()` does.
 */
export const PageReply = (): ParameterDecorator => Res();
export type PageReply = FastifyReply;

/** Who asked, for the audit trail of what a page changes. */
export const requestInfo = (reply: PageReply) => ({ requestId: String(reply.request.id), ip: reply.request.ip });

/**
 * Renders a page inside the layout with what every page needs: who is signed in, their menu, the
 * form token, and any errors in the GOV.UK error summary's shape.
 */
export function page(reply: PageReply, view: string, data: Record<string, unknown> & { title: string }, status = 200) {
  const request = reply.request;
  const user = (request as FastifyRequest & { user?: Actor }).user;
  const path = request.url.split('?')[0];
  return reply.status(status).view(`pages/${view}.hbs`, { ...data, user, nav: user ? navFor(user, path) : [], csrfToken: reply.generateCsrf() });
}

/** A refusal the user can act on (400 details, or a 409 with or without details) as the error summary. */
export function formErrors(error: unknown, fields: Record<string, string> = {}): FormError[] | null {
  const status = error instanceof DomainError ? Number(error.status) : 500;
  if (!(error instanceof DomainError) || status >= 500 || status === 404 || status === 403) return null;
  const details: ProblemDetail[] = error.details?.length ? error.details : [{ field: '', problem: error.message }];
  const errors = details.map((d) => {
    const field = d.field.split('.')[0];
    const label = fields[field];
    return {
      field,
      message: label ? `${label} ${d.problem}` : d.field && !d.problem.startsWith(d.field) ? `${d.field} ${d.problem}` : d.problem,
      href: label ? `#${field}` : '',
    };
  });
  // One message per field, as the GOV.UK pattern asks: the first problem found.
  return errors.filter((e, i) => !e.field || errors.findIndex((o) => o.field === e.field) === i);
}

/** The error summary for a refusal the user can act on; anything else is thrown on, to the error pages. */
export function actionableErrors(error: unknown, errorsOf: Record<string, string> | ((error: unknown) => FormError[] | null) = {}): FormError[] {
  const errors = typeof errorsOf === 'function' ? errorsOf(error) : formErrors(error, errorsOf);
  if (!errors) throw error;
  return errors;
}

/**
 * A form's common path: try the change (it answers, usually with a redirect); on a refusal the user can
 * act on, `shown` answers with the error summary and the refusal's status (400 or 409), else it is thrown on.
 */
export async function withFormErrors<T>(
  attempt: () => Promise<T>,
  errorsOf: Record<string, string> | ((error: unknown) => FormError[] | null),
  shown: (errors: FormError[], status: number) => T | Promise<T>,
): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    return shown(actionableErrors(error, errorsOf), statusOf(error));
  }
}

/** After a change, back to a page with a one-line success banner (POST, then redirect, then GET). */
export function redirectWithNotice(reply: FastifyReply, to: string, notice: string) {
  const url = `${to}${to.includes('?') ? '&' : '?'}notice=${encodeURIComponent(notice)}`;
  return reply.redirect(url, 303);
}
