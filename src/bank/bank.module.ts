import { Module } from '@nestjs/common';
import { TeacherKeyModule } from '../auth/teacher-key.module.js';
import { HistoryModule } from '../history/history.module.js';
import { QuestionsModule } from '../questions/questions.module.js';
import { BankStatsService } from './bank-stats.service.js';
import { BankController } from './bank.controller.js';
import { BankService } from './bank.service.js';
import { MoodleController } from './moodle/moodle.controller.js';
import { MoodleService } from './moodle/moodle.service.js';

@Module({
  imports: [QuestionsModule, HistoryModule, TeacherKeyModule],
  controllers: [BankController, MoodleController],
  providers: [BankService, BankStatsService, MoodleService],
  exports: [BankService, BankStatsService],
})
export class BankModule {}
