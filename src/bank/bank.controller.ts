import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, UseGuards, UsePipes } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { TeacherKeyGuard } from '../auth/teacher-key.guard.js';
import { httpValidationPipe } from '../common/validation.js';
import { CreateDeckDto } from '../questions/dto/create-deck.dto.js';
import { summarize } from '../questions/deck.js';
import { DeckLibrary } from '../questions/deck-library.service.js';
import { BankStatsService } from './bank-stats.service.js';
import { BankService } from './bank.service.js';
import { DeckParamDto, QuestionParamDto } from './dto/bank-params.dto.js';
import { BankErrorBodyDto, BankQuestionDto, DeckBankDto, DeckStatsDto, ReuploadedDeckDto } from './dto/bank.responses.js';
import { EditQuestionDto, ExcludeDto, NewQuestionDto } from './dto/question-body.dto.js';
import type { QuestionContent } from './bank-overlay.js';

/** The teacher's bank of a deck. Everything here shows the answers, so every route needs the teacher key. */
@ApiTags('bank')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: BankErrorBodyDto, description: 'missing or wrong teacher key' })
@ApiNotFoundResponse({ type: BankErrorBodyDto, description: 'DECK_NOT_FOUND or QUESTION_NOT_FOUND' })
@UseGuards(TeacherKeyGuard)
@UsePipes(httpValidationPipe)
@Controller('api/bank/:deckId')
export class BankController {
  constructor(
    private readonly bank: BankService,
    private readonly stats: BankStatsService,
    private readonly decks: DeckLibrary,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The effective bank: generated, curated and own questions, edits applied, exclusions marked, orphaned edits' })
  @ApiOkResponse({ type: DeckBankDto })
  async get(@Param() { deckId }: DeckParamDto) {
    const { deck, questions, orphaned } = await this.bank.bank(deckId);
    return { deck: summarize(deck), questions, orphaned };
  }

  @Get('stats')
  @ApiOperation({ summary: 'Item analysis per question over every finished game of the deck' })
  @ApiOkResponse({ type: DeckStatsDto })
  statistics(@Param() { deckId }: DeckParamDto) {
    return this.stats.deckStats(deckId);
  }

  @Put('deck')
  @ApiOperation({ summary: 'Upload a new version of the deck; edits whose question disappeared are reported as orphaned' })
  @ApiOkResponse({ type: ReuploadedDeckDto })
  async reupload(@Param() { deckId }: DeckParamDto, @Body() body: CreateDeckDto) {
    const added = await this.decks.replace(deckId, body.markdown);
    const { orphaned } = await this.bank.bank(deckId);
    return { ...added, orphaned };
  }

  @Get('questions/:questionId')
  @ApiOkResponse({ type: BankQuestionDto })
  question(@Param() { deckId, questionId }: QuestionParamDto) {
    return this.bank.question(deckId, questionId);
  }

  @Post('questions')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a teacher-written question to a section' })
  @ApiCreatedResponse({ type: BankQuestionDto })
  @ApiUnprocessableEntityResponse({ type: BankErrorBodyDto, description: 'QUESTION_INVALID, with the problems per field' })
  add(@Param() { deckId }: DeckParamDto, @Body() body: NewQuestionDto) {
    const content: QuestionContent = {
      type: body.type,
      prompt: body.prompt,
      options: body.options,
      correct: body.correct,
      accepted: body.accepted ?? [],
      explanation: body.explanation,
      source: { section: body.source.section, slide: body.source.slide ?? '', sentence: body.source.sentence ?? '' },
      tags: body.tags ?? [],
      difficulty: body.difficulty ?? 2,
    };
    return this.bank.add(deckId, content);
  }

  @Patch('questions/:questionId')
  @ApiOperation({ summary: 'Edit any field of any question; the result passes the same rules as generated questions' })
  @ApiOkResponse({ type: BankQuestionDto })
  @ApiUnprocessableEntityResponse({ type: BankErrorBodyDto, description: 'QUESTION_INVALID, with the problems per field' })
  edit(@Param() { deckId, questionId }: QuestionParamDto, @Body() body: EditQuestionDto) {
    return this.bank.edit(deckId, questionId, body as Partial<QuestionContent>);
  }

  @Put('questions/:questionId/excluded')
  @ApiOperation({ summary: 'Exclude a question from every game (true) or include it again (false)' })
  @ApiOkResponse({ type: BankQuestionDto })
  exclude(@Param() { deckId, questionId }: QuestionParamDto, @Body() body: ExcludeDto) {
    return this.bank.setExcluded(deckId, questionId, body.excluded);
  }

  @Post('questions/:questionId/reset')
  @HttpCode(200)
  @ApiOperation({ summary: 'Back to what the generator makes (an exclusion stays)' })
  @ApiOkResponse({ type: BankQuestionDto })
  reset(@Param() { deckId, questionId }: QuestionParamDto) {
    return this.bank.reset(deckId, questionId);
  }

  @Delete('questions/:questionId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a teacher-written question, or dismiss an orphaned edit' })
  @ApiNoContentResponse()
  async remove(@Param() { deckId, questionId }: QuestionParamDto): Promise<void> {
    await this.bank.remove(deckId, questionId);
  }
}
