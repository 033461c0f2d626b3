import { Module } from '@nestjs/common';
import { DeckLibrary } from './deck-library.service.js';
import { DecksController } from './decks.controller.js';

@Module({ controllers: [DecksController], providers: [DeckLibrary], exports: [DeckLibrary] })
export class QuestionsModule {}
