import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@agm/domain';
import { AccessCodeResponseDto, QuorumResponseDto, RegistrationCreateDto, RegistrationResponseDto } from '@agm/contracts';
import type { RegistrationRow } from '@agm/persistence';
import { assertCan } from '../auth/access-control';
import { CurrentPrincipal, ProjectorRead } from '../auth/auth.guard';
import { Transactions } from '../events/transactions';
import { QuorumQueries } from './quorum.queries';
import { RegistrationRepository } from '@agm/persistence';
import { ChangeAccessCode } from './use-cases/access-code.use-case';
import { RecordPresence } from './use-cases/record-presence.use-case';
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
  ) {}

  @Post('registrations')
  @ApiCreatedResponse({ type: AccessCodeResponseDto })
  async create(@Param('conferenceId', uuid) conferenceId: string, @Body() body: RegistrationCreateDto, @CurrentPrincipal() principal: Principal): Promise<AccessCodeResponseDto> {
    const { registration, accessCode } = await this.register.execute(principal, conferenceId, body.membershipNumber, body.attendanceMode);
    return { registration: toResponse(registration), accessCode };
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
    const { registration, accessCode } = await this.accessCodes.reissue(principal, conferenceId, registrationId);
    return { registration: toResponse(registration), accessCode };
  }

  @Delete('registrations/:registrationId/access-code')
  @ApiOkResponse({ type: RegistrationResponseDto })
  async revoke(@Param('conferenceId', uuid) conferenceId: string, @Param('registrationId', uuid) registrationId: string, @CurrentPrincipal() principal: Principal): Promise<RegistrationResponseDto> {
    return toResponse(await this.accessCodes.revoke(principal, conferenceId, registrationId));
  }

  @Post('registrations/:registrationId/check-in')
  @HttpCode(200)
  @ApiOkResponse({ type: QuorumResponseDto })
  async checkIn(@Param('conferenceId', uuid) conferenceId: string, @Param('registrationId', uuid) registrationId: string, @CurrentPrincipal() principal: Principal): Promise<QuorumResponseDto> {
    return (await this.presence.checkIn(principal, conferenceId, registrationId, true)).quorum;
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
  };
}
