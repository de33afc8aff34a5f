import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessRepository, ProjectorLinkRepository } from '@agm/persistence';
import { SocketAuthorization } from '../realtime/socket-principal';
import { AccessChanges } from './access-changes';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { Authenticator } from './authenticator';
import { LivePrincipals } from './live-principals';
import { LoginThrottle } from './login-throttle';
import { SessionRevocations } from './session-revocations';
import { SessionTokens } from './session-tokens';
import { SignInAttendee, SignInOfficial } from './use-cases/sign-in.use-case';
import { LiftSignInBlock, ListSignInBlocks } from './use-cases/sign-in-blocks.use-case';
import { SignOut } from './use-cases/sign-out.use-case';

@Global()
@Module({
  controllers: [AuthController],
  providers: [
    AccessRepository,
    ProjectorLinkRepository,
    SessionTokens,
    LoginThrottle,
    SessionRevocations,
    Authenticator,
    LivePrincipals,
    AccessChanges,
    SocketAuthorization,
    SignInOfficial,
    SignInAttendee,
    SignOut,
    ListSignInBlocks,
    LiftSignInBlock,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [
    AccessRepository,
    ProjectorLinkRepository,
    Authenticator,
    SessionRevocations,
    SessionTokens,
    LivePrincipals,
    AccessChanges,
    SocketAuthorization,
  ],
})
export class AuthModule {}
