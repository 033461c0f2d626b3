import { UsePipes, Controller, Get } from '@nestjs/common';
import { httpValidationPipe } from '../common/validation.js';
import type { DeckSummary } from './deck.js';
import { DeckLibrary } from './deck-library.service.js';

/** Deck list for the teacher's setup screen; no student data, so no key needed. */
@UsePipes(httpValidationPipe)
@Controller('api/decks')
export class DecksController {
  constructor(private readonly decks: DeckLibrary) {}

  @Get()
  list(): DeckSummary[] {
    return this.decks.list();
  }
}
