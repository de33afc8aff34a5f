import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { NotFound, type Principal } from '@agm/domain';
import {
  CardNumberDto,
  AccessCodeResponseDto,
  AttendanceSwitchDto,
  BulkRegistrationDto,
  codeDeliveryText,
  ErrorResponseDto,
  LostCodeRequestDto,
  LostCodeResponseDto,
  PrintLettersDto,
  QuorumResponseDto,
  RegistrationCreateDto,
  RegistrationJobResponseDto,
  RegistrationResponseDto,
} from '@agm/contracts';
import { RegistrationJobRepository, type CodeDelivery, type RegistrationJobRow, type RegistrationRow } from '@agm/persistence';
import { Public } from '../auth/auth.guard';
import { PrintLetters } from './use-cases/print-letters.use-case';
import { RegisterInBulk } from './use-cases/register-in-bulk.use-case';
import { RequestNewCode } from './use-cases/request-new-code.use-case';
import { SwitchAttendance } from './use-cases/switch-attendance.use-case';
import { assertCan } from '../auth/access-control';
import { CurrentPrincipal, ProjectorRead } from '../auth/auth.guard';
import { Transactions } from '../events/transactions';
import { QuorumQueries } from './quorum.queries';
import { RegistrationRepository } from '@agm/persistence';
import { ChangeAccessCode } from './use-cases/access-code.use-case';
import { RecordPresence } from './use-cases/record-presence.use-case';
import { RecordCardNumber } from './use-cases/record-card-number.use-case';
import { RegisterAttendee } from './use-cases/register-attendee.use-case';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@ApiTags('registration')
@ApiBearerAuth()
@Controller('conferences/:conferenceId')
export class RegistrationController {
  constructor(
    private readonly register: RegisterAttendee,
    private readonly accessCodes: ChangeAccessCode,
    private readonly presence: RecordPresence,
    private readonly quorum: QuorumQueries,
    private readonly registrations: RegistrationRepository,
    private readonly transactions: Transactions,
    private readonly bulk: RegisterInBulk,
    private readonly letters: PrintLetters,
    private readonly switcher: SwitchAttendance,
    private readonly jobs: RegistrationJobRepository,
    private readonly cards: RecordCardNumber,
  ) {}

  @Post('registrations')
  @ApiCreatedResponse({ type: AccessCodeResponseDto })
  async create(@Param('conferenceId', uuid) conferenceId: string, @Body() body: RegistrationCreateDto, @CurrentPrincipal() principal: Principal): Promise<AccessCodeResponseDto> {
    const { registration, accessCode, delivery } = await this.register.execute(principal, conferenceId, body.membershipNumber, body.attendanceMode);
    return codeAnswer(registration, accessCode, delivery);
  }

  @Post('registrations/bulk')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: RegistrationJobResponseDto, description: 'The job started; poll GET …/registration-jobs/:jobId for its progress' })
  async registerInBulk(@Param('conferenceId', uuid) conferenceId: string, @Body() body: BulkRegistrationDto, @CurrentPrincipal() principal: Principal): Promise<RegistrationJobResponseDto> {
    return toJob(await this.bulk.start(principal, conferenceId, body));
  }

  @Get('registration-jobs')
  @ApiOkResponse({ type: [RegistrationJobResponseDto] })
  async listJobs(@Param('conferenceId', uuid) conferenceId: string, @CurrentPrincipal() principal: Principal): Promise<RegistrationJobResponseDto[]> {
    assertCan(principal, 'registration.manage', { conferenceId });
    return (await this.jobs.latest(this.transactions.manager, conferenceId)).map(toJob);
  }

  @Get('registration-jobs/:jobId')
  @ApiOkResponse({ type: RegistrationJobResponseDto })
  async job(@Param('conferenceId', uuid) conferenceId: string, @Param('jobId', uuid) jobId: string, @CurrentPrincipal() principal: Principal): Promise<RegistrationJobResponseDto> {
    assertCan(principal, 'registration.manage', { conferenceId });
    const job = await this.jobs.find(this.transactions.manager, conferenceId, jobId);
    if (!job) throw new NotFound('No such bulk registration in this conference.');
    return toJob(job);
  }

  @Post('registrations/letters')
  @HttpCode(200)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'A PDF, one letter per member, each with a new access code' })
  async printLetters(@Param('conferenceId', uuid) conferenceId: string, @Body() body: PrintLettersDto, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const { pdf, count } = await this.letters.execute(principal, conferenceId, body.registrationIds);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Letter-Count', String(count));
    res.type('application/pdf').setHeader('Content-Disposition', 'attachment; filename="access-code-letters.pdf"');
    res.send(pdf);
  }

  @Post('registrations/:registrationId/attendance-mode')
  @HttpCode(200)
  @ApiOkResponse({ type: RegistrationResponseDto })
  async switchAttendance(@Param('conferenceId', uuid) conferenceId: string, @Param('registrationId', uuid) registrationId: string, @Body() body: AttendanceSwitchDto, @CurrentPrincipal() principal: Principal): Promise<RegistrationResponseDto> {
    return toResponse(await this.switcher.execute(principal, conferenceId, registrationId, body.attendanceMode, body.reason));
  }

  @Get('registrations')
  @ApiOkResponse({ type: [RegistrationResponseDto] })
  async list(@Param('conferenceId', uuid) conferenceId: string, @CurrentPrincipal() principal: Principal): Promise<RegistrationResponseDto[]> {
    assertCan(principal, 'presence.record', { conferenceId });
    return (await this.registrations.list(this.transactions.manager, conferenceId)).map(toResponse);
  }

  @Post('registrations/:registrationId/access-code')
  @ApiCreatedResponse({ type: AccessCodeResponseDto })
  async reissue(@Param('conferenceId', uuid) conferenceId: string, @Param('registrationId', uuid) registrationId: string, @CurrentPrincipal() principal: Principal): Promise<AccessCodeResponseDto> {
    const { registration, accessCode, delivery } = await this.accessCodes.reissue(principal, conferenceId, registrationId);
    return codeAnswer(registration, accessCode, delivery);
  }

  @Delete('registrations/:registrationId/access-code')
  @ApiOkResponse({ type: RegistrationResponseDto })
  async revoke(@Param('conferenceId', uuid) conferenceId: string, @Param('registrationId', uuid) registrationId: string, @CurrentPrincipal() principal: Principal): Promise<RegistrationResponseDto> {
    return toResponse(await this.accessCodes.revoke(principal, conferenceId, registrationId));
  }

  @Post('registrations/:registrationId/check-in')
  @HttpCode(200)
  @ApiOkResponse({ type: QuorumResponseDto })
  async checkIn(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('registrationId', uuid) registrationId: string,
    @Body() body: CardNumberDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<QuorumResponseDto> {
    // The card number, when given, is recorded with the check-in, in the same unit of work.
    return (await this.presence.checkIn(principal, conferenceId, registrationId, true, body?.cardNumber)).quorum;
  }

  /** The member's voting-card number on the register (empty: none), so the chair or a steward can find them by it. */
  @Put('registrations/:registrationId/card-number')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ registrationId, cardNumber }' })
  cardNumber(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('registrationId', uuid) registrationId: string,
    @Body() body: CardNumberDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ registrationId: string; cardNumber: string | null }> {
    return this.cards.execute(principal, conferenceId, registrationId, body.cardNumber ?? null);
  }

  @Post('registrations/:registrationId/check-out')
  @HttpCode(200)
  @ApiOkResponse({ type: QuorumResponseDto })
  async checkOut(@Param('conferenceId', uuid) conferenceId: string, @Param('registrationId', uuid) registrationId: string, @CurrentPrincipal() principal: Principal): Promise<QuorumResponseDto> {
    return (await this.presence.checkIn(principal, conferenceId, registrationId, false)).quorum;
  }

  @Get('quorum')
  @ProjectorRead()
  @ApiOkResponse({ type: QuorumResponseDto })
  async currentQuorum(@Param('conferenceId', uuid) conferenceId: string, @CurrentPrincipal() principal: Principal): Promise<QuorumResponseDto> {
    assertCan(principal, 'conference.watch', { conferenceId });
    return this.quorum.figure(this.transactions.manager, conferenceId);
  }
}

function toResponse(row: RegistrationRow): RegistrationResponseDto {
  return {
    id: row.id,
    memberId: row.memberId,
    membershipNumber: row.membershipNumber,
    name: row.name,
    category: row.category,
    attendanceMode: row.attendanceMode,
    checkedIn: row.checkedIn,
    present: row.present,
    codeRevoked: row.codeRevoked,
    hasEmail: row.hasEmail,
    codeDelivery: row.codeDelivery,
    codeDeliveryText: codeDeliveryText(row.codeDelivery),
  };
}

function codeAnswer(registration: RegistrationRow, accessCode: string, delivery: CodeDelivery): AccessCodeResponseDto {
  return { registration: toResponse(registration), accessCode, delivery, deliveryText: codeDeliveryText(delivery) };
}

function toJob(job: RegistrationJobRow): RegistrationJobResponseDto {
  const stateText =
    job.state === 'running'
      ? `Registering: ${job.processed} of ${job.total} done`
      : job.state === 'failed'
        ? `Stopped after ${job.processed} of ${job.total}`
        : `Finished: ${job.processed} of ${job.total} done`;
  return {
    id: job.id,
    state: job.state,
    stateText,
    selection: job.selection,
    attendanceMode: job.attendanceMode,
    total: job.total,
    processed: job.processed,
    registered: job.registered,
    alreadyRegistered: job.alreadyRegistered,
    emailed: job.emailed,
    emailFailed: job.emailFailed,
    lettersDue: job.lettersDue,
    failure: job.failure,
    startedAt: job.startedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** A member who lost their code: public, one answer whatever is found (see RequestNewCode). */
@ApiTags('auth')
@Controller('auth')
export class LostCodeController {
  constructor(private readonly requestNewCode: RequestNewCode) {}

  @Public()
  @Post('lost-code')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: LostCodeResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  lostCode(@Body() body: LostCodeRequestDto, @Req() request: Request): LostCodeResponseDto {
    return this.requestNewCode.execute(body.conferenceId, body.membershipNumber, body.email, request.ip ?? 'unknown');
  }
}
