import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { seconds, ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { AppConfig } from '../config/app-config';
import { redisOptions } from '../redis/redis';
import { UsersController } from '../users/users.controller';
import { UsersService } from '../users/users.service';
import { AccessDeclarations } from './access-declarations';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { Authenticator } from './authenticator';
import { WebSessions } from './web-sessions.service';
import { resolveJwtSecret } from './jwt-secret';

@Module({
  imports: [
    DiscoveryModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        // A KeyObject, not the string: given a string, jsonwebtoken first tries to read it as a public key
        // (createPublicKey, which throws) on every verify, a fifth of a signed-in request's CPU time.
        const key = createSecretKey(Buffer.from(resolveJwtSecret(config)));
        return { secretOrKeyProvider: () => key, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } };
      },
    }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      // Kept in Redis so the limit holds across several API processes.
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'login', ttl: seconds(config.LOGIN_RATE_WINDOW_SECONDS), limit: config.LOGIN_RATE_LIMIT }],
        storage: new ThrottlerStorageRedisService({ ...redisOptions(config.REDIS_URL), keyPrefix: `${config.REDIS_PREFIX}:throttle:`, maxRetriesPerRequest: 1 }),
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [AuthService, UsersService, AccessDeclarations, Authenticator, WebSessions, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [UsersService, AccessDeclarations, Authenticator, WebSessions, AuthService],
})
export class AuthModule {}
