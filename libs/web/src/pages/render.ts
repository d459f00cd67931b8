import '@fastify/view';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@npa/platform';
import { DomainError, type ProblemDetail } from '@npa/platform';
import { navFor } from './nav';

export interface FormError {
  field: string;
  message: string;
  href: string;
}

/**
 * Renders a page inside the layout with what every page needs: who is signed in, their menu, the
 * form token, and any errors in the GOV.UK error summary's shape.
 */
export function page(request: FastifyRequest, reply: FastifyReply, view: string, data: Record<string, unknown> & { title: string }, status = 200) {
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

/** After a change, back to a page with a one-line success banner (POST, then redirect, then GET). */
export function redirectWithNotice(reply: FastifyReply, to: string, notice: string) {
  const url = `${to}${to.includes('?') ? '&' : '?'}notice=${encodeURIComponent(notice)}`;
  return reply.redirect(url, 303);
}
