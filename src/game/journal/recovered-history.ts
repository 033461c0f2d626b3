import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { buildHistoryRecord } from '../../history/history-record.js';
import { HistoryOutbox } from '../../history/history-outbox.js';
import { GameStore } from '../store/game-store.js';
import { JournaledGameStore } from './journaled-game-store.js';

/**
 * A server that stopped between a game's podium and its history write (or
 * with the record still in the outbox) left the game in its journal: at
 * start its record is written again. History keeps the first record of a
 * game, so a record that did reach it is not duplicated.
 */
@Injectable()
export class RecoveredHistory implements OnApplicationBootstrap {
  constructor(
    private readonly store: GameStore,
    private readonly outbox: HistoryOutbox,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(this.store instanceof JournaledGameStore)) return;
    for (const game of this.store.finishedGames()) {
      // As at the podium: one answer map per question played.
      const answers = Array.from({ length: game.index + 1 }, (_, i) => game.answers[i] ?? {});
      await this.outbox.save(buildHistoryRecord({ ...game, answers }));
    }
  }
}
