import { Controller, Get, Header, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { TeacherKeyGuard } from '../auth/teacher-key.guard.js';
import { MetricsService } from './metrics.service.js';

/** `/metrics` on the main port needs the teacher key (counts of games and players are the school's business); METRICS_PORT serves them without it, for a scraper on a private network. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @UseGuards(TeacherKeyGuard)
  @Header('Cache-Control', 'no-store')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
