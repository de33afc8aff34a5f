import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  BodyMemberDto,
  BodyResponseDto,
  ErrorResponseDto,
  JointPartnerQueryDto,
  MemberListQueryDto,
  MemberPageDto,
  OfficerImportResultDto,
  RegisterImportResultDto,
} from '@agm/contracts';
import type { Principal } from '@agm/domain';
import { assertCan } from '../auth/access-control';
import { CurrentPrincipal } from '../auth/auth.guard';
import { MembershipQueries } from './membership.queries';
import { ImportBodies } from './use-cases/import-bodies.use-case';
import { ImportMembers } from './use-cases/import-members.use-case';
import { ImportOfficers } from './use-cases/import-officers.use-case';

const ALL_OR_NOTHING =
  'Send the CSV file itself as the body with Content-Type: text/csv (up to 10 MB). All or nothing: any problem refuses the whole file with a 400 ' +
  "whose errors name every problem as { 'line 7, email': 'not an email address' } (line 1 is the header). Rows whose key is already on the system are updated.";

function csvBody(example: string) {
  return ApiBody({ schema: { type: 'string', example }, description: 'CSV text, RFC 4180' });
}

@ApiTags('membership')
@ApiBadRequestResponse({ type: ErrorResponseDto })
@Controller('membership')
export class MembershipController {
  constructor(
    private readonly importMembers: ImportMembers,
    private readonly importBodies: ImportBodies,
    private readonly importOfficers: ImportOfficers,
    private readonly queries: MembershipQueries,
  ) {}

  @Post('members/import')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import the membership register', description: ALL_OR_NOTHING })
  @ApiConsumes('text/csv')
  @csvBody('membership_number,name,email,category,branch_code\nN012345,Ada Okafor,ada@example.org,full,LDN\n')
  @ApiOkResponse({ type: RegisterImportResultDto })
  members(@Body() csv: string, @CurrentPrincipal() principal: Principal): Promise<RegisterImportResultDto> {
    assertCan(principal, 'membership.manage');
    return this.importMembers.execute(csv);
  }

  @Post('bodies/import')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import branches, networks, committees and forums', description: ALL_OR_NOTHING })
  @ApiConsumes('text/csv')
  @csvBody('code,kind,name,region,membership_count\nLDN,branch,London Branch,London,412\n')
  @ApiOkResponse({ type: RegisterImportResultDto })
  bodies(@Body() csv: string, @CurrentPrincipal() principal: Principal): Promise<RegisterImportResultDto> {
    assertCan(principal, 'membership.manage');
    return this.importBodies.execute(csv);
  }

  @Post('officers/import')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import body officers; for each body named, the file is its whole list',
    description: ALL_OR_NOTHING,
  })
  @ApiConsumes('text/csv')
  @csvBody('body_code,membership_number,office\nLDN,N012345,Branch Secretary\n')
  @ApiOkResponse({ type: OfficerImportResultDto })
  officers(@Body() csv: string, @CurrentPrincipal() principal: Principal): Promise<OfficerImportResultDto> {
    assertCan(principal, 'membership.manage');
    return this.importOfficers.execute(csv);
  }

  @Get('members')
  @ApiOkResponse({ type: MemberPageDto })
  listMembers(@Query() query: MemberListQueryDto, @CurrentPrincipal() principal: Principal): Promise<MemberPageDto> {
    // Names and emails are personal data: the register is head office's to read.
    assertCan(principal, 'membership.manage');
    return this.queries.members(query);
  }

  @Get('bodies/:bodyId/members')
  @ApiOperation({
    summary: "The members an officer may name as the body's proposer or seconder",
    description:
      "Only the body's own officers: a branch's members and the body's officers, name and membership number only. Anyone else gets 403.",
  })
  @ApiOkResponse({ type: [BodyMemberDto] })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  listBodyMembers(
    @Param('bodyId', new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 })) bodyId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BodyMemberDto[]> {
    // Least privilege: the same check as submitting for the body, so an officer sees their own body only.
    assertCan(principal, 'body.submit', { bodyId });
    return this.queries.bodyMembers(bodyId);
  }

  @Get('joint-partner')
  @ApiOperation({
    summary: 'The other member of a joint motion, by membership number and surname',
    description:
      'Only a member who may submit jointly under the conference\'s ruleset (403 otherwise); answers the id, name and number ' +
      'of a member of those categories when number and surname match (404 otherwise, the two not told apart).',
  })
  @ApiOkResponse({ type: BodyMemberDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  jointPartner(@Query() query: JointPartnerQueryDto, @CurrentPrincipal() principal: Principal): Promise<BodyMemberDto> {
    return this.queries.jointPartner(principal, query);
  }

  @Get('bodies')
  @ApiOkResponse({ type: [BodyResponseDto] })
  listBodies(): Promise<BodyResponseDto[]> {
    return this.queries.bodies();
  }
}
