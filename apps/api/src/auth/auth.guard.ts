import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal } from '@agm/domain';
import { Authenticator, bearerToken } from './authenticator';

const PUBLIC = 'agm:public';
/** Marks an endpoint that needs no sign-in (health, sign-in itself, the API docs). */
export const Public = () => SetMetadata(PUBLIC, true);

/** Global guard: every HTTP endpoint needs a live session unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // the socket gateway authenticates its handshake
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest();
    request.principal = await this.authenticator.authenticate(bearerToken(request.headers.authorization));
    return true;
  }
}

/** The signed-in person of this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().principal);
