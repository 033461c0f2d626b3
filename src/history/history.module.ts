import { Module } from '@nestjs/common';
import { FileHistoryStore } from './file-history.store.js';
import { HistoryController } from './history.controller.js';
import { HistoryStore } from './history-store.js';
import { HistoryService } from './history.service.js';

@Module({
  controllers: [HistoryController],
  providers: [{ provide: HistoryStore, useClass: FileHistoryStore }, HistoryService],
  exports: [HistoryStore],
})
export class HistoryModule {}
