import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { TOTP_SETUP_PAGE } from '../auth/totp-policy';
import { DomainError, ProblemDetail } from './domain-error';
import { isUnavailable } from './unavailable';
import { InvalidInputException } from './validation';
import { redactSecretParams } from './secret-params';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: ProblemDetail[];
  correlationId?: string;
}

interface PageReply {
  status(code: number): { send(body: unknown): void; view(page: string, data: object): unknown };
  redirect(url: string, code: number): unknown;
}

const PAGE_HEADINGS: Record<number, string> = {
  403: 'You cannot do this',
  404: 'Page not found',
  413: 'The file is too large',
  429: 'Too many attempts',
  503: 'Sorry, the service is unavailable',
};

/**
 * The single translation from anything thrown to API.md's error shape. Unknown errors become a plain
 * 500 with the request id so staff can find the logged stack; nothing internal reaches the client.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ id?: string; method?: string; url?: string; page?: boolean }>();
    const reply = http.getResponse<PageReply>();
    const body = this.toBody(exception, request?.id);
    const route = `${request?.method} ${redactSecretParams(request?.url ?? '')}`;
    if (body.statusCode === 503) {
      // An outage answers every request this way: one line each, without the same stack a thousand times.
      this.logger.warn(
        { err: (exception as { message?: string })?.message, requestId: request?.id, route },
        'request refused: the database or Redis is out of reach',
      );
    } else if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request?.id, route }, 'request failed');
    }
    // A staff member who must set up one-time codes first is taken to the page that does it.
    if (request?.page && exception instanceof DomainError && exception.code === 'AUTH.TOTP_SETUP_REQUIRED') return void reply.redirect(TOTP_SETUP_PAGE, 303);
    if (request?.page) return this.page(reply, body, request.url ?? '/');
    reply.status(body.statusCode).send(body);
  }

  /** For a web page: sign in first when not signed in; otherwise the same refusal as a page a person can read. */
  private page(reply: PageReply, body: ErrorBody, url: string): void {
    if (body.statusCode === 401) {
      reply.redirect(`/sign-in?next=${encodeURIComponent(url)}`, 303);
      return;
    }
    const heading = PAGE_HEADINGS[body.statusCode] ?? (body.statusCode >= 500 ? 'Sorry, there is a problem with the service' : 'Something is not right');
    const message =
      body.statusCode === 404
        ? 'If you typed the web address, check it is correct. If you followed a link, it may be to something that is not yours to see.'
        : body.message;
    void reply
      .status(body.statusCode)
      .view('pages/error.hbs', { title: heading, heading, message: body.correlationId ? `${message} Reference: ${body.correlationId}.` : message });
  }

  toBody(exception: unknown, requestId?: string): ErrorBody {
    if (exception instanceof DomainError) {
      return this.body(exception.status, exception.message, exception.details);
    }
    if (exception instanceof InvalidInputException) {
      return this.body(400, 'The request has invalid fields.', exception.details);
    }
    if (exception instanceof ThrottlerException) {
      return this.body(429, 'Too many requests; wait a minute and try again.');
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return this.body(status, this.httpMessage(exception, status));
    }
    const fastifyStatus = (exception as { statusCode?: unknown })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      return this.body(fastifyStatus, this.fastifyMessage(exception as { code?: string }, fastifyStatus));
    }
    const pgCode = (exception as { code?: string })?.code ?? (exception as { driverError?: { code?: string } })?.driverError?.code;
    if (exception instanceof QueryFailedError && pgCode === '23505') {
      return this.body(409, 'This conflicts with a record that already exists.');
    }
    // PostgreSQL or Redis out of reach: nothing is wrong with the request, so no reference to look up either.
    if (isUnavailable(exception)) {
      return this.body(503, 'The service is briefly unavailable; please try again shortly.');
    }
    return { ...this.body(500, 'Something went wrong on our side; it has been logged.'), correlationId: requestId };
  }

  private body(statusCode: number, message: string, details?: ProblemDetail[]): ErrorBody {
    const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
    if (details && details.length > 0) body.details = details;
    return body;
  }

  private httpMessage(exception: HttpException, status: number): string {
    if (status === 404) return 'Not found.';
    if (status === 401) return 'Sign in to do this.';
    if (status === 403) return 'You are not allowed to do this.';
    if (status === 413) return 'The request is too large.';
    const response = exception.getResponse();
    if (/not valid JSON/i.test(exception.message)) return 'The body is not valid JSON.';
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    return typeof message === 'string' ? message : Array.isArray(message) ? message.join('; ') : exception.message;
  }

  private fastifyMessage(exception: { code?: string }, status: number): string {
    if (status === 413) return 'The request is too large.';
    if (status === 415) return 'This content type is not accepted.';
    if (exception.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || exception.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'The body is not valid JSON.';
    return STATUS_CODES[status] ?? 'Bad request.';
  }
}
