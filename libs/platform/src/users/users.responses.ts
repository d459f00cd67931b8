import { PageResponse } from '../http/page.responses';
import type { Role } from '../auth/roles';
import type { UserView } from './user.dto';

export class UserResponse implements UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The one role, as a list. */
  roles: Role[];
  /** The service (service_manager) or setting (setting_contact) the user belongs to; null otherwise. */
  organisationId: string | null;
  disabled: boolean;
  /** One-time codes are on for this account (never the secret itself). */
  totpEnabled: boolean;
  /** ISO 8601. */
  createdAt: string;
}

export class UserPage extends PageResponse {
  items: UserResponse[];
}

export class SignInLockLifted {
  id: string;
  /** Whether sign-ins were paused when it was lifted. */
  wasLocked: boolean;
}
