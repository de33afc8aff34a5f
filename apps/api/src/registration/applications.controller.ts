import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Principal } from '@agm/domain';
import {
  ApplicationDecisionResponseDto,
  ApplicationDeclineDto,
  ApplicationListResponseDto,
  ApplicationRequestDto,
  ApplicationsOpenDto,
  ErrorResponseDto,
  LostCodeResponseDto,
} from '@agm/contracts';
import { CurrentPrincipal, Public } from '../auth/auth.guard';
import { Transactions } from '../events/transactions';
import { ApplicationRepository } from '@agm/persistence';
import { NotFound } from '@agm/domain';
import { ApplyToAttend, DecideApplications } from './use-cases/applications.use-case';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

const DELIVERY_WORDS: Record<string, string> = {
  emailed: 'their access code is emailed to them',
  email_failed: 'the email with their code failed: print them a letter',
  letter_due: 'they have no email address (or email is not set up): print them a letter',
  shown: 'their access code is ready to print as a letter',
  letter_printed: 'their letter is printed',
};

/** A member applies to attend: public, one answer whatever is found (see ApplyToAttend). */
@ApiTags('auth')
@Controller()
export class ApplyController {
  constructor(
    private readonly apply: ApplyToAttend,
    private readonly applications: ApplicationRepository,
    private readonly transactions: Transactions,
  ) {}

  /** Whether the sign-in screen offers "Apply to attend" for this conference (a public setting). */
  @Public()
  @Get('conferences/:conferenceId/application-form')
  @ApiOkResponse({ type: ApplicationsOpenDto })
  async form(@Param('conferenceId', uuid) conferenceId: string): Promise<ApplicationsOpenDto> {
    const open = await this.applications.isOpen(this.transactions.manager, conferenceId);
    if (open === null) throw new NotFound('No such conference.');
    return { open };
  }

  @Public()
  @Post('auth/apply-to-attend')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: LostCodeResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  applyToAttend(@Body() body: ApplicationRequestDto, @Req() request: Request): Promise<LostCodeResponseDto> {
    return this.apply.execute(body.conferenceId, body.membershipNumber, body.email, body.attendanceMode, request.ip ?? 'unknown');
  }
}

/** Head office: whether the conference takes applications, those waiting, and each decision. */
@ApiTags('registration')
@ApiBearerAuth()
@Controller('conferences/:conferenceId/applications')
export class ApplicationsController {
  constructor(private readonly decide: DecideApplications) {}

  @Get()
  @ApiOkResponse({ type: ApplicationListResponseDto })
  async list(@Param('conferenceId', uuid) conferenceId: string, @CurrentPrincipal() principal: Principal): Promise<ApplicationListResponseDto> {
    const { open, applications } = await this.decide.list(principal, conferenceId);
    return {
      open,
      applications: applications.map((a) => ({
        id: a.id,
        name: a.name,
        membershipNumber: a.membershipNumber,
        categoryText: a.category.charAt(0).toUpperCase() + a.category.slice(1).replace(/_/g, ' '),
        attendanceMode: a.attendanceMode,
        appliedAt: a.appliedAt.toISOString(),
      })),
    };
  }

  @Put('open')
  @ApiOkResponse({ type: ApplicationsOpenDto })
  setOpen(@Param('conferenceId', uuid) conferenceId: string, @Body() body: ApplicationsOpenDto, @CurrentPrincipal() principal: Principal): Promise<ApplicationsOpenDto> {
    return this.decide.setOpen(principal, conferenceId, body.open);
  }

  @Post(':applicationId/approve')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationDecisionResponseDto })
  async approve(@Param('conferenceId', uuid) conferenceId: string, @Param('applicationId', uuid) applicationId: string, @CurrentPrincipal() principal: Principal): Promise<ApplicationDecisionResponseDto> {
    const { name, delivery } = await this.decide.approve(principal, conferenceId, applicationId);
    return { message: `${name} is registered; ${DELIVERY_WORDS[delivery] ?? 'their access code is issued'}.` };
  }

  @Post(':applicationId/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: ApplicationDecisionResponseDto })
  async decline(@Param('conferenceId', uuid) conferenceId: string, @Param('applicationId', uuid) applicationId: string, @Body() body: ApplicationDeclineDto, @CurrentPrincipal() principal: Principal): Promise<ApplicationDecisionResponseDto> {
    const { name, emailed } = await this.decide.decline(principal, conferenceId, applicationId, body.reason);
    return { message: `${name}'s application is declined${emailed ? '; they are emailed the reason' : '; they have no email address, so tell them the reason'}.` };
  }
}
