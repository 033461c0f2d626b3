import { Module } from '@nestjs/common';
import { HistoryStore } from './history-store.js';
import { MemoryHistoryStore } from './memory-history.store.js';

@Module({
  providers: [{ provide: HistoryStore, useClass: MemoryHistoryStore }],
  exports: [HistoryStore],
})
export class HistoryModule {}
