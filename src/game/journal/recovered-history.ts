import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { buildHistoryRecord } from '../../history/history-record.js';
import { HistoryOutbox } from '../../history/history-outbox.js';
import { GameStore } from '../store/game-store.js';
import { JournaledGameStore } from './journaled-game-store.js';

/**
 * A server that stopped between a game's podium and its history write (or
 * with the record still in the outbox) left the game in its journal: at
 * start its record is written again. Records history confirmed are marked
 * in the journal and skipped, so a record a teacher deleted stays deleted.
 */
@Injectable()
export class RecoveredHistory implements OnApplicationBootstrap {
  constructor(
    private readonly store: GameStore,
    private readonly outbox: HistoryOutbox,
  ) {
    // Once history has a record, the journal says so: a record deleted later is not brought back.
    const journaled = store instanceof JournaledGameStore ? store : null;
    if (journaled) outbox.onRecorded((gameId) => void journaled.markHistoryStored(gameId).catch(() => undefined));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!(this.store instanceof JournaledGameStore)) return;
    for (const game of this.store.finishedGames()) {
      // As at the podium: one answer map per question played.
      const answers = Array.from({ length: game.index + 1 }, (_, i) => game.answers[i] ?? {});
      await this.outbox.save(buildHistoryRecord({ ...game, answers }));
    }
  }
}
