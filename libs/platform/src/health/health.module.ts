// Health: the readiness facts every process reports at GET /health.
import { Module } from '@nestjs/common';
import { HealthService } from './health.service';

@Module({ providers: [HealthService], exports: [HealthService] })
export class HealthModule {}
