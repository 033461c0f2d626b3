import { Module } from '@nestjs/common';
import { TeacherKeyModule } from '../auth/teacher-key.module.js';
import { BankModule } from '../bank/bank.module.js';
import { HistoryModule } from '../history/history.module.js';
import { QuestionsModule } from '../questions/questions.module.js';
import { GameBroadcaster } from './game-broadcaster.js';
import { GameGateway } from './game.gateway.js';
import { GamePublisher } from './game-publisher.js';
import { GameRunner } from './game-runner.js';
import { GamesController } from './games.controller.js';
import { GamesService } from './games.service.js';
import { SocketIoBroadcaster } from './socket-io.broadcaster.js';
import { gameStorageProviders } from './game-storage.providers.js';
import { FinishedGames } from './finished-games.js';
import { RecoveredHistory } from './journal/recovered-history.js';
import { GameStore } from './store/game-store.js';
import { StoreOutageHandler } from '../redis/store-outage.handler.js';

@Module({
  imports: [QuestionsModule, HistoryModule, TeacherKeyModule, BankModule],
  controllers: [GamesController],
  providers: [
    ...gameStorageProviders,
    SocketIoBroadcaster,
    { provide: GameBroadcaster, useExisting: SocketIoBroadcaster },
    GamePublisher,
    GameRunner,
    GamesService,
    GameGateway,
    StoreOutageHandler,
    RecoveredHistory,
    FinishedGames,
  ],
  exports: [GamesService, GameStore, GameRunner, SocketIoBroadcaster],
})
export class GameModule {}
