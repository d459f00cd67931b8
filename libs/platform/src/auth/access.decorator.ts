import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles';

export const ACCESS_KEY = 'npa:access';

/**
 * Who may call a route. Every route declares one (the API refuses to start otherwise), so a new route
 * can never be open by accident.
 * - `public`: no sign-in.
 * - `roles`: the roles that may call it at all (others get 403).
 * - `scope`: for roles outside the NPA office, the route parameter naming a record that must be theirs;
 *   a record that is not theirs answers 404, so nobody learns what exists.
 */
export interface AccessRule {
  public?: boolean;
  roles?: readonly Role[];
  scope?: { kind: string; param: string };
  /**
   * A web page: signed in by the session cookie (never a bearer token), every POST checked for its CSRF
   * token, and refusals shown as pages (401 sends the browser to sign in).
   */
  page?: boolean;
}

export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);

export const Access = (roles: readonly Role[], scope?: { kind: string; param: string }) => SetMetadata(ACCESS_KEY, { roles, scope } satisfies AccessRule);

/** A page anyone may open (sign-in, verification); its forms still carry a CSRF token. */
export const PublicPage = () => SetMetadata(ACCESS_KEY, { public: true, page: true } satisfies AccessRule);

/** A page for the given roles, signed in through the browser session. */
export const PageAccess = (roles: readonly Role[], scope?: { kind: string; param: string }) =>
  SetMetadata(ACCESS_KEY, { roles, scope, page: true } satisfies AccessRule);

export const BEFORE_TOTP_KEY = 'npa:before-totp';

/**
 * With STAFF_TOTP_REQUIRED, a staff member without one-time codes reaches only routes marked so: the
 * ones that set codes up (and who am I, and signing out). Everything else answers 403 until they do.
 */
export const AllowedBeforeTotp = () => SetMetadata(BEFORE_TOTP_KEY, true);

export const UPLOAD_KEY = 'npa:upload';

/**
 * A page whose form is multipart (a file upload): its CSRF token is the form's first field, checked as
 * the handler reads the form and before the file (see `requireTokenFirst`). A multipart form posted to
 * any other page must carry its token in the header, so a handler that never reads its body cannot be
 * reached without one.
 */
export const TakesUpload = () => SetMetadata(UPLOAD_KEY, true);
