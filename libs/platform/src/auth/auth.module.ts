import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { UsersController } from '../users/users.controller';
import { UsersService } from '../users/users.service';
import { AccessDeclarations } from './access-declarations';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { Authenticator } from './authenticator';
import { CodeAttempts } from './rate-limit';
import { TotpSecretBox } from './totp-secret-box';
import { TotpService } from './totp.service';
import { WebSessions } from './web-sessions.service';
import { resolveJwtSecret } from './jwt-secret';
import { deriveKey } from './keys';

@Module({
  imports: [
    DiscoveryModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // A KeyObject, not the string: given a string, jsonwebtoken first tries to read it as a public key
        // (createPublicKey, which throws) on every verify, a fifth of a signed-in request's CPU time.
        // Derived for tokens alone (keys.ts): the cookie and TOTP keys come from the same secret, never the same key.
        const key = createSecretKey(deriveKey(resolveJwtSecret(config), 'token'));
        return { secretOrKeyProvider: () => key, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } };
      },
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [
    AuthService,
    UsersService,
    AccessDeclarations,
    Authenticator,
    WebSessions,
    TotpService,
    TotpSecretBox,
    CodeAttempts,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService, AccessDeclarations, Authenticator, WebSessions, AuthService, TotpService],
})
export class AuthModule {}
