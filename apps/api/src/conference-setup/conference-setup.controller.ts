import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CONFERENCE_ROLES, ConferenceRole, NotFound, Principal } from '@agm/domain';
import {
  ConferenceOpenedResponseDto,
  DeadlinesResponseDto,
  DeadlinesUpdateDto,
  ErrorResponseDto,
  RoleAssignDto,
  RoleAssignmentResponseDto,
  RulesetCategoryHoldersResponseDto,
  RulesetResponseDto,
  RulesetUpdateDto,
  RulesetVersionResponseDto,
  SectionCreateDto,
  SectionOrderDto,
  SectionResponseDto,
  SectionRotateDto,
  SectionUpdateDto,
} from '@agm/contracts';
import { CurrentPrincipal } from '../auth/auth.guard';
import { ConferenceSetupQueries } from './conference-setup.queries';
import { AssignRoles } from './use-cases/assign-roles.use-case';
import { ChangeRuleset } from './use-cases/change-ruleset.use-case';
import { ManageSections } from './use-cases/manage-sections.use-case';
import { OpenConference } from './use-cases/open-conference.use-case';
import { SetDeadlines } from './use-cases/set-deadlines.use-case';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

/** Conference set-up: deadlines, standing-orders ruleset, sections, roles, and opening the AGM. */
@ApiTags('conference set-up')
@ApiBearerAuth()
@ApiBadRequestResponse({ type: ErrorResponseDto })
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('conferences/:conferenceId')
export class ConferenceSetupController {
  constructor(
    private readonly queries: ConferenceSetupQueries,
    private readonly deadlines: SetDeadlines,
    private readonly rulesets: ChangeRuleset,
    private readonly sections: ManageSections,
    private readonly roles: AssignRoles,
    private readonly opening: OpenConference,
  ) {}

  @Get('deadlines')
  @ApiOkResponse({ type: DeadlinesResponseDto })
  getDeadlines(
    @Param('conferenceId', uuid) conferenceId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeadlinesResponseDto> {
    return this.queries.deadlines(principal, conferenceId);
  }

  @Put('deadlines')
  @ApiOperation({ summary: 'Set the deadlines, as wall-clock times in the conference time zone' })
  @ApiOkResponse({ type: DeadlinesResponseDto })
  setDeadlines(
    @Param('conferenceId', uuid) conferenceId: string,
    @Body() body: DeadlinesUpdateDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeadlinesResponseDto> {
    return this.deadlines.execute(principal, conferenceId, body);
  }

  @Get('ruleset')
  @ApiOkResponse({ type: RulesetResponseDto })
  getRuleset(
    @Param('conferenceId', uuid) conferenceId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RulesetResponseDto> {
    return this.queries.ruleset(principal, conferenceId);
  }

  @Put('ruleset')
  @ApiOperation({
    summary:
      'Put a whole new ruleset in force as the next version (a reason is required once the AGM has opened)',
  })
  @ApiOkResponse({ type: RulesetResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  setRuleset(
    @Param('conferenceId', uuid) conferenceId: string,
    @Body() body: RulesetUpdateDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RulesetResponseDto> {
    return this.rulesets.execute(principal, conferenceId, body);
  }

  @Get('ruleset/versions')
  @ApiOkResponse({ type: [RulesetVersionResponseDto] })
  rulesetVersions(
    @Param('conferenceId', uuid) conferenceId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RulesetVersionResponseDto[]> {
    return this.queries.rulesetVersions(principal, conferenceId);
  }

  @Get('ruleset/category-holders')
  @ApiOperation({
    summary: "How many members of the register hold each category (the conference's administrators only)",
    description:
      'A save that removes a category members hold is refused (409); this lets the set-up screen say so first. ' +
      'Counts by category code over the whole register, which every conference shares.',
  })
  @ApiOkResponse({ type: RulesetCategoryHoldersResponseDto })
  rulesetCategoryHolders(
    @Param('conferenceId', uuid) conferenceId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RulesetCategoryHoldersResponseDto> {
    return this.queries.categoryHolders(principal, conferenceId);
  }

  @Post('open')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open the AGM' })
  @ApiOkResponse({ type: ConferenceOpenedResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  open(
    @Param('conferenceId', uuid) conferenceId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ConferenceOpenedResponseDto> {
    return this.opening.execute(principal, conferenceId);
  }

  @Get('sections')
  @ApiOkResponse({ type: [SectionResponseDto] })
  listSections(
    @Param('conferenceId', uuid) conferenceId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SectionResponseDto[]> {
    return this.queries.sections(principal, conferenceId);
  }

  @Post('sections')
  @ApiCreatedResponse({ type: SectionResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  createSection(
    @Param('conferenceId', uuid) conferenceId: string,
    @Body() body: SectionCreateDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SectionResponseDto> {
    return this.sections.create(principal, conferenceId, body);
  }

  @Put('sections/order')
  @ApiOperation({ summary: 'Reorder: every section once, in the new order' })
  @ApiOkResponse({ type: [SectionResponseDto] })
  reorderSections(
    @Param('conferenceId', uuid) conferenceId: string,
    @Body() body: SectionOrderDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SectionResponseDto[]> {
    return this.sections.reorder(principal, conferenceId, body.sectionIds);
  }

  @Post('sections/rotate')
  @HttpCode(200)
  @ApiOperation({ summary: '[Napo] Order the sections alphabetically, rotated one place per year' })
  @ApiOkResponse({ type: [SectionResponseDto] })
  rotateSections(
    @Param('conferenceId', uuid) conferenceId: string,
    @Body() body: SectionRotateDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SectionResponseDto[]> {
    return this.sections.rotate(principal, conferenceId, body.year);
  }

  @Patch('sections/:sectionId')
  @ApiOkResponse({ type: SectionResponseDto })
  updateSection(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('sectionId', uuid) sectionId: string,
    @Body() body: SectionUpdateDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SectionResponseDto> {
    return this.sections.update(principal, conferenceId, sectionId, body);
  }

  @Delete('sections/:sectionId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ type: ErrorResponseDto })
  async deleteSection(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('sectionId', uuid) sectionId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    await this.sections.delete(principal, conferenceId, sectionId);
  }

  @Get('roles')
  @ApiOkResponse({ type: [RoleAssignmentResponseDto] })
  listRoles(
    @Param('conferenceId', uuid) conferenceId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RoleAssignmentResponseDto[]> {
    return this.queries.roles(principal, conferenceId);
  }

  @Post('roles')
  @ApiOperation({
    summary:
      'Give an official a role in this conference (by accountId or email); giving it again changes nothing',
  })
  @ApiCreatedResponse({ type: RoleAssignmentResponseDto })
  assignRole(
    @Param('conferenceId', uuid) conferenceId: string,
    @Body() body: RoleAssignDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RoleAssignmentResponseDto> {
    return this.roles.assign(principal, conferenceId, body);
  }

  @Delete('roles/:accountId/:role')
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeRole(
    @Param('conferenceId', uuid) conferenceId: string,
    @Param('accountId', uuid) accountId: string,
    @Param('role') role: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    if (!CONFERENCE_ROLES.includes(role as ConferenceRole))
      throw new NotFound(`There is no role '${role}'; roles are ${CONFERENCE_ROLES.join(', ')}.`);
    await this.roles.remove(principal, conferenceId, accountId, role as ConferenceRole);
  }
}
