import { Module } from '@nestjs/common';

/** Monitoring: controllers, socket handlers and use cases of this feature. */
@Module({})
export class MonitoringModule {}
