import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsNotCommonPassword, MIN_PASSWORD_LENGTH } from '../auth/password';
import { ROLES } from '../auth/roles';
import { PageQuery } from '../http/pagination';
import type { Role } from '../auth/roles';
import type { User } from '../auth/user.entity';

export class CreateUserDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({
    minLength: MIN_PASSWORD_LENGTH,
    description: 'A project rule: at least 10 characters, and not one of the ~49,000 most common passwords (refused with 400 naming the field).',
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  @IsNotCommonPassword()
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ description: 'The service (service_manager) or setting (setting_contact)' })
  @ValidateIf((o: CreateUserDto) => o.role === 'service_manager' || o.role === 'setting_contact' || o.organisationId !== undefined)
  @IsUUID()
  organisationId?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ description: 'true disables the account; its tokens stop working at once' })
  @IsOptional()
  @IsIn([true, false])
  disabled?: boolean;

  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    description: 'A project rule: at least 10 characters, and not one of the ~49,000 most common passwords (refused with 400 naming the field).',
  })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  @IsNotCommonPassword()
  password?: string;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  roles: Role[];
  organisationId: string | null;
  disabled: boolean;
  /** One-time codes are on for this account (never the secret itself). */
  totpEnabled: boolean;
  createdAt: string;
}

/** The only shape a user leaves the API in: never the hash, never the token version. */
export const toUserView = (user: User): UserView => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  roles: [user.role],
  organisationId: user.organisationId,
  disabled: user.disabledAt !== null,
  totpEnabled: user.totpEnabledAt !== null,
  createdAt: user.createdAt.toISOString(),
});

export class UserQuery extends PageQuery {
  /** Only users of this role. */
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}
