import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Principal } from '@agm/domain';
import { AttendeeSignInDto, ErrorResponseDto, OfficialSignInDto, PrincipalResponseDto, SessionResponseDto } from '@agm/contracts';
import { CurrentPrincipal, Public } from './auth.guard';
import { SignInAttendee, SignInOfficial } from './use-cases/sign-in.use-case';
import { SignOut } from './use-cases/sign-out.use-case';

@ApiTags('auth')
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signInOfficial: SignInOfficial,
    private readonly signInAttendee: SignInAttendee,
    private readonly signOut: SignOut,
  ) {}

  @Public()
  @Post('official')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  official(@Body() body: OfficialSignInDto, @Req() request: Request): Promise<SessionResponseDto> {
    return this.signInOfficial.execute(body.email, body.password, request.ip ?? 'unknown');
  }

  @Public()
  @Post('attendee')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  attendee(@Body() body: AttendeeSignInDto, @Req() request: Request): Promise<SessionResponseDto> {
    return this.signInAttendee.execute(body.conferenceId, body.membershipNumber, body.accessCode, request.ip ?? 'unknown');
  }

  @Post('sign-out')
  @HttpCode(204)
  @ApiBearerAuth()
  async signOutNow(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.signOut.execute(principal.sessionId);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: PrincipalResponseDto })
  me(@CurrentPrincipal() principal: Principal): PrincipalResponseDto {
    const { sessionId: _omit, ...visible } = principal;
    return visible as PrincipalResponseDto;
  }
}
