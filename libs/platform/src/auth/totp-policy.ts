import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../http/domain-error';
import { isNpaStaff, type Role } from './roles';

/** STAFF_TOTP_REQUIRED's rule: a staff member without codes must set them up before anything else. */
export const needsTotpSetup = (required: boolean, role: Role, totpEnabled: boolean): boolean => required && isNpaStaff(role) && !totpEnabled;

export const TOTP_SETUP_PAGE = '/account/two-factor';

export const totpSetupRequired = () =>
  new DomainError(
    'AUTH.TOTP_SETUP_REQUIRED',
    HttpStatus.FORBIDDEN,
    `Set up one-time codes first: POST /auth/totp/setup, then POST /auth/totp/confirm (in a browser, ${TOTP_SETUP_PAGE}).`,
  );
