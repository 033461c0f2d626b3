import { Controller, Delete, Get, Header, HttpCode, Param, Query, Res, UseGuards, UsePipes } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { TeacherKeyGuard } from '../auth/teacher-key.guard.js';
import { httpValidationPipe } from '../common/validation.js';
import { DeckQueryDto, ExportQueryDto, GameIdParamDto, HistoryListQueryDto, StudentParamDto } from './dto/history-query.dto.js';
import { DeckSectionsDto, ErrorBodyDto, HistoryPageDto, HistoryRecordDto, HistoryReportDto } from './dto/history.responses.js';
import { HistoryService } from './history.service.js';

@ApiTags('history')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'missing or wrong teacher key' })
@UseGuards(TeacherKeyGuard)
@UsePipes(httpValidationPipe)
@Controller('api/history')
export class HistoryController {
  constructor(private readonly history: HistoryService) {}

  @Get()
  @ApiOperation({ summary: 'Past games, newest first, paginated' })
  @ApiOkResponse({ type: HistoryPageDto })
  list(@Query() query: HistoryListQueryDto) {
    return this.history.list(query);
  }

  @Get('sections')
  @ApiOperation({ summary: 'Correct rate per section over all games of a deck, with the trend game by game' })
  @ApiOkResponse({ type: DeckSectionsDto })
  sections(@Query() query: DeckQueryDto) {
    return this.history.deckSections(query.deck);
  }

  @Get(':gameId')
  @ApiOperation({ summary: 'The whole record of a finished game' })
  @ApiOkResponse({ type: HistoryRecordDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  get(@Param() params: GameIdParamDto) {
    return this.history.get(params.gameId);
  }

  @Get(':gameId/export.csv')
  @ApiOperation({ summary: 'One row per player and question (UTF-8 with BOM); sep=semicolon for Spanish Excel, lang=es for Spanish headers' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  async csv(@Param() params: GameIdParamDto, @Query() query: ExportQueryDto, @Res({ passthrough: true }) res: Response) {
    const body = await this.history.csv(params.gameId, { separator: query.sep ?? 'comma', lang: query.lang ?? 'en' });
    res.setHeader('Content-Disposition', `attachment; filename="aulaquiz-${params.gameId}.csv"`);
    return body;
  }

  @Get(':gameId/export.xlsx')
  @ApiOperation({ summary: 'The same rows as the CSV, as an Excel workbook; lang=es for Spanish headers' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  async xlsx(@Param() params: GameIdParamDto, @Query() query: ExportQueryDto, @Res() res: Response) {
    const body = await this.history.xlsx(params.gameId, query.lang ?? 'en');
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="aulaquiz-${params.gameId}.xlsx"`);
    res.end(body);
  }

  @Get(':gameId/report')
  @ApiOperation({ summary: 'Hardest questions, correct rate per section, misconceptions, sections to review' })
  @ApiOkResponse({ type: HistoryReportDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  report(@Param() params: GameIdParamDto) {
    return this.history.report(params.gameId);
  }

  @Get(':gameId/players/:playerId')
  @ApiOperation({ summary: "One student's game: answers, points, time per question, sections to review" })
  @ApiOkResponse({ description: 'StudentReport (docs/protocol.md)' })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'GAME_NOT_FOUND or PLAYER_NOT_FOUND' })
  student(@Param() params: StudentParamDto) {
    return this.history.student(params.gameId, params.playerId);
  }

  @Delete(':gameId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a finished game and all its student data' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ type: ErrorBodyDto })
  delete(@Param() params: GameIdParamDto) {
    return this.history.delete(params.gameId);
  }
}
