import { Module } from '@nestjs/common';
import { MotionRepository } from '@agm/persistence/motions';
import { PlanRepository, ResolutionRepository } from '@agm/persistence/resolutions';
import { PlansController } from './plans.controller';
import { RegisterQueries } from './register.queries';
import { ResolutionsController } from './resolutions.controller';
import { AddPlanSection, RemovePlanObjective, SavePlanObjective, StartPlan } from './use-cases/draft-plan.use-cases';
import { ImportBookletResolutions } from './use-cases/import-booklet-resolutions.use-case';
import { LinkResolutions } from './use-cases/link-resolutions.use-case';
import { RegisterConferenceResolutions } from './use-cases/register-conference-resolutions.use-case';
import { ReportProgress } from './use-cases/report-progress.use-case';
import { UpdateResolution } from './use-cases/update-resolution.use-case';

/** The resolution register and the operational plans (docs/resolutions.md). */
@Module({
  controllers: [ResolutionsController, PlansController],
  providers: [
    ResolutionRepository,
    PlanRepository,
    MotionRepository,
    RegisterQueries,
    RegisterConferenceResolutions,
    ImportBookletResolutions,
    UpdateResolution,
    LinkResolutions,
    ReportProgress,
    StartPlan,
    AddPlanSection,
    SavePlanObjective,
    RemovePlanObjective,
  ],
})
export class ResolutionsModule {}
