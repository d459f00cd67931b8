import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from './roles';

/** The signed-in user as every service sees it: who, in which role, for which organisation. */
export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ user: Actor }>().user;
});
