import { NotFoundException } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ErrorFilter } from './error.filter';

/**
 * Fastify as Nest drives it, but an unknown path is answered by Fastify itself with the body the
 * ErrorFilter gives any 404 (worked out once, here): Nest's own handler made a NotFoundException with
 * its stack for every unknown path and sent it through its exception zone to the filter, about a tenth
 * of a 404's CPU (README, Benchmarks). The security headers, the request id and the log line come from
 * Fastify's hooks, which run for unknown paths as for any other.
 */
export class AppHttpAdapter extends FastifyAdapter {
  private readonly notFoundBody = JSON.stringify(new ErrorFilter().toBody(new NotFoundException()));

  override setNotFoundHandler(): ReturnType<FastifyAdapter['setNotFoundHandler']> {
    return this.getInstance().setNotFoundHandler((_request, reply) => {
      void reply.code(404).type('application/json; charset=utf-8').send(this.notFoundBody);
    });
  }
}
