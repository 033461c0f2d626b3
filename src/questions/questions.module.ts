import { Module } from '@nestjs/common';
import { BankStoreModule } from '../bank/store/bank-store.module.js';
import { DeckLibrary } from './deck-library.service.js';
import { DecksController } from './decks.controller.js';

@Module({ imports: [BankStoreModule], controllers: [DecksController], providers: [DeckLibrary], exports: [DeckLibrary, BankStoreModule] })
export class QuestionsModule {}
