import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Principal } from '@agm/domain';
import { AttendeeSignInDto, ErrorResponseDto, LiftSignInBlockDto, LiftSignInBlockResponseDto, OfficialSignInDto, PrincipalResponseDto, SessionResponseDto, SignInBlockResponseDto } from '@agm/contracts';
import { CurrentPrincipal, Public } from './auth.guard';
import { SignInAttendee, SignInOfficial } from './use-cases/sign-in.use-case';
import { LiftSignInBlock, ListSignInBlocks } from './use-cases/sign-in-blocks.use-case';
import { SignOut } from './use-cases/sign-out.use-case';

@ApiTags('auth')
@ApiUnauthorizedResponse({ type: ErrorResponseDto })
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signInOfficial: SignInOfficial,
    private readonly signInAttendee: SignInAttendee,
    private readonly signOut: SignOut,
    private readonly listSignInBlocks: ListSignInBlocks,
    private readonly liftSignInBlock: LiftSignInBlock,
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

  @Get('sign-in-blocks')
  @ApiBearerAuth()
  @ApiOkResponse({ type: SignInBlockResponseDto, isArray: true, description: 'Head office: who is refused or slowed at sign-in now, on the instance that answers' })
  signInBlocks(@CurrentPrincipal() principal: Principal): SignInBlockResponseDto[] {
    return this.listSignInBlocks.execute(principal);
  }

  @Post('sign-in-blocks/lift')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: LiftSignInBlockResponseDto, description: 'Head office: forgets the failed sign-ins of an identifier, an address, or the two together' })
  lift(@Body() body: LiftSignInBlockDto, @CurrentPrincipal() principal: Principal): LiftSignInBlockResponseDto {
    return this.liftSignInBlock.execute(principal, body);
  }
}
