import { Body, Controller, Get, HttpCode, Post, UseGuards, UsePipes } from '@nestjs/common';
import { TeacherKeyGuard } from '../auth/teacher-key.guard.js';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { httpValidationPipe } from '../common/validation.js';
import type { DeckSummary } from './deck.js';
import { DeckLibrary, type AddedDeck } from './deck-library.service.js';
import { AddedDeckDto, CreateDeckDto, DeckSummaryDto } from './dto/create-deck.dto.js';

@ApiTags('decks')
@UsePipes(httpValidationPipe)
@Controller('api/decks')
export class DecksController {
  constructor(private readonly decks: DeckLibrary) {}

  /** Titles, sections and counts only: no student data, so no key needed. */
  @Get()
  @ApiOkResponse({ type: [DeckSummaryDto] })
  async list(): Promise<DeckSummary[]> {
    await this.decks.refresh();
    return this.decks.list();
  }

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: AddedDeckDto })
  @ApiBearerAuth()
  @UseGuards(TeacherKeyGuard)
  create(@Body() dto: CreateDeckDto): Promise<AddedDeck> {
    return this.decks.add(dto.markdown, dto.id, dto.replace ?? false);
  }
}
