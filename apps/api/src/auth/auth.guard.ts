import { CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Forbidden, Principal } from '@agm/domain';
import { PROJECTOR_ONLY } from './access-control';
import { Authenticator, bearerToken } from './authenticator';

const PUBLIC = 'agm:public';
/** Marks an endpoint that needs no sign-in (health, sign-in itself, the API docs). */
export const Public = () => SetMetadata(PUBLIC, true);

const PROJECTOR_READ = 'agm:projector-read';
/**
 * Marks one of the few reads the hall's projector screen makes (its handler also asks
 * `can(principal, 'conference.watch')`). Every endpoint without it refuses a projector link, so a
 * new endpoint is closed to it until someone decides otherwise.
 */
export const ProjectorRead = () => SetMetadata(PROJECTOR_READ, true);

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
    const principal: Principal = await this.authenticator.authenticate(bearerToken(request.headers.authorization));
    if (principal.kind === 'projector' && !this.reflector.getAllAndOverride<boolean>(PROJECTOR_READ, [context.getHandler(), context.getClass()])) {
      throw new Forbidden(PROJECTOR_ONLY);
    }
    request.principal = principal;
    return true;
  }
}

/** The signed-in person of this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().principal);
