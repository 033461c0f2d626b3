import { Module } from '@nestjs/common';
import { TeacherKeyModule } from '../../auth/teacher-key.module.js';
import { GameModule } from '../../game/game.module.js';
import { HistoryModule } from '../../history/history.module.js';
import { BankModule } from '../bank.module.js';
import { ReviewController } from './review.controller.js';
import { ReviewService } from './review.service.js';

/** Review games need both the bank and the game service, so they sit above both modules. */
@Module({
  imports: [BankModule, GameModule, HistoryModule, TeacherKeyModule],
  controllers: [ReviewController],
  providers: [ReviewService],
})
export class ReviewModule {}
