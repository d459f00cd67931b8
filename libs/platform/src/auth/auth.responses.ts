import type { Role } from './roles';
import type { LoginResult } from './auth.service';
import type { TotpSetup } from './totp.service';

export class SignedInUser {
  id: string;
  email: string;
  name: string;
  /** The account's one role, as a list. */
  roles: string[];
  /** The service or setting the account belongs to; null for NPA staff and trainers. */
  organisationId: string | null;
  totpEnabled: boolean;
}

export class LoginResponse implements LoginResult {
  /** Send it as `Authorization: Bearer <accessToken>` on later calls. */
  accessToken: string;
  /** When the token stops working (ISO 8601). */
  expiresAt: string;
  user: SignedInUser;
}

/** Who the bearer token belongs to. */
export class CurrentUserResponse {
  id: string;
  email: string;
  name: string;
  role: Role;
  roles: Role[];
  organisationId: string | null;
}

export class TotpSetupResponse implements TotpSetup {
  /** Base32, for typing into the authenticator app by hand. */
  secret: string;
  /** The otpauth:// address an authenticator app reads. */
  otpauthUri: string;
  /** The same address as a QR code, a PNG data: URL. */
  qrCode: string;
}

export class TotpConfirmedResponse {
  /** Always true: sign-ins now ask for a code. */
  totpEnabled: boolean;
}
