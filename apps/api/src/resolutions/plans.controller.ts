import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '@agm/domain';
import { ErrorResponseDto, PlanCreateDto, PlanExportQueryDto, PlanObjectiveDto, PlanResponseDto, PlanSectionCreateDto } from '@agm/contracts';
import { CurrentPrincipal } from '../auth/auth.guard';
import { renderHtml } from '../motions/motion-documents';
import { renderPdf } from '../motions/motion-pdf';
import { planDocument, renderPlanDocx } from './register-documents';
import { RegisterQueries } from './register.queries';
import { sendDocument } from './send-document';
import { AddPlanSection, RemovePlanObjective, SavePlanObjective, StartPlan } from './use-cases/draft-plan.use-cases';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
const year = new ParseIntPipe({ errorHttpStatusCode: 404 });

@ApiTags('operational plans')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('plans')
export class PlansController {
  constructor(
    private readonly queries: RegisterQueries,
    private readonly start: StartPlan,
    private readonly addSection: AddPlanSection,
    private readonly saveObjective: SavePlanObjective,
    private readonly removeObjective: RemovePlanObjective,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'The plans, newest first' })
  list(@CurrentPrincipal() principal: Principal) {
    return this.queries.planYears(principal);
  }

  @Post()
  @ApiCreatedResponse({ type: PlanResponseDto })
  async create(@Body() body: PlanCreateDto, @CurrentPrincipal() principal: Principal): Promise<PlanResponseDto> {
    return this.queries.plan(principal, await this.start.execute(principal, body));
  }

  @Get(':year')
  @ApiOkResponse({ type: PlanResponseDto })
  get(@Param('year', year) planYear: number, @CurrentPrincipal() principal: Principal): Promise<PlanResponseDto> {
    return this.queries.plan(principal, planYear);
  }

  @Post(':year/sections')
  @ApiCreatedResponse({ type: PlanResponseDto })
  async section(@Param('year', year) planYear: number, @Body() body: PlanSectionCreateDto, @CurrentPrincipal() principal: Principal): Promise<PlanResponseDto> {
    await this.addSection.execute(principal, planYear, body);
    return this.queries.plan(principal, planYear);
  }

  @Post(':year/objectives')
  @ApiCreatedResponse({ type: PlanResponseDto })
  async objective(@Param('year', year) planYear: number, @Body() body: PlanObjectiveDto, @CurrentPrincipal() principal: Principal): Promise<PlanResponseDto> {
    await this.saveObjective.execute(principal, planYear, body);
    return this.queries.plan(principal, planYear);
  }

  @Put(':year/objectives/:objectiveId')
  @ApiOkResponse({ type: PlanResponseDto })
  async replaceObjective(@Param('year', year) planYear: number, @Param('objectiveId', uuid) objectiveId: string, @Body() body: PlanObjectiveDto, @CurrentPrincipal() principal: Principal): Promise<PlanResponseDto> {
    await this.saveObjective.execute(principal, planYear, body, objectiveId);
    return this.queries.plan(principal, planYear);
  }

  @Delete(':year/objectives/:objectiveId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async deleteObjective(@Param('year', year) planYear: number, @Param('objectiveId', uuid) objectiveId: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.removeObjective.execute(principal, planYear, objectiveId);
  }

  /** The plan in the style of Napo's published plans: HTML, PDF, or DOCX for the union's editors. */
  @Get(':year/export')
  @ApiOkResponse({ description: 'HTML, PDF or DOCX' })
  async export(@Param('year', year) planYear: number, @Query() query: PlanExportQueryDto, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    const plan = await this.queries.planForExport(principal, planYear);
    const format = query.format ?? 'html';
    const filename = `operational-plan-${planYear}.${format}`;
    if (format === 'docx') return sendDocument(res, filename, await renderPlanDocx(plan));
    const doc = planDocument(plan);
    sendDocument(res, filename, format === 'pdf' ? await renderPdf(doc) : renderHtml(doc));
  }
}
