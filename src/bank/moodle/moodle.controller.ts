import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseGuards, UsePipes } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { TeacherKeyGuard } from '../../auth/teacher-key.guard.js';
import { httpValidationPipe } from '../../common/validation.js';
import { DeckParamDto, QUESTION_ID } from '../dto/bank-params.dto.js';
import { BankErrorBodyDto, ImportedDto } from '../dto/bank.responses.js';
import { MoodleService, type MoodleFormat } from './moodle.service.js';

const SELECTION = new RegExp(`^(${QUESTION_ID.source.slice(1, -1)})(,(${QUESTION_ID.source.slice(1, -1)})){0,499}$`);

class ExportQueryDto {
  @ApiPropertyOptional({ description: 'comma-separated question ids; default: every question not excluded' })
  @IsOptional()
  @IsString()
  @Matches(SELECTION, { message: 'ids must be question ids separated by commas' })
  ids?: string;
}

class ImportDto {
  @ApiProperty({ enum: ['gift', 'moodle-xml'] }) @IsIn(['gift', 'moodle-xml']) format: MoodleFormat;
  @ApiProperty({ description: "the file's text (UTF-8)" }) @IsString() @Length(1, 1_000_000) text: string;
  @ApiPropertyOptional({ description: 'section for questions the file puts in no category' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  section?: string;
}

@ApiTags('bank')
@ApiBearerAuth()
@UseGuards(TeacherKeyGuard)
@UsePipes(httpValidationPipe)
@Controller('api/bank/:deckId')
export class MoodleController {
  constructor(private readonly moodle: MoodleService) {}

  @Get('export.gift')
  @ApiOperation({ summary: 'Moodle GIFT (ordering questions are left out, with a comment saying so)' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ schema: { type: 'string' } })
  exportGift(@Param() { deckId }: DeckParamDto, @Query() query: ExportQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.send(res, deckId, 'gift', query, 'text/plain; charset=utf-8', 'gift.txt');
  }

  @Get('export.xml')
  @ApiOperation({ summary: 'Moodle XML (ordering as the Ordering question type)' })
  @ApiProduces('application/xml')
  @ApiOkResponse({ schema: { type: 'string' } })
  exportXml(@Param() { deckId }: DeckParamDto, @Query() query: ExportQueryDto, @Res({ passthrough: true }) res: Response) {
    return this.send(res, deckId, 'moodle-xml', query, 'application/xml; charset=utf-8', 'moodle.xml');
  }

  @Post('import')
  @HttpCode(201)
  @ApiOperation({ summary: 'Import GIFT or Moodle XML as teacher-written questions: all of it, or nothing' })
  @ApiCreatedResponse({ type: ImportedDto })
  @ApiUnprocessableEntityResponse({ type: BankErrorBodyDto, description: 'IMPORT_INVALID, naming the line or the question' })
  import(@Param() { deckId }: DeckParamDto, @Body() body: ImportDto) {
    return this.moodle.import(deckId, body.format, body.text, body.section);
  }

  private async send(res: Response, deckId: string, format: MoodleFormat, query: ExportQueryDto, type: string, suffix: string): Promise<string> {
    const result = await this.moodle.export(deckId, format, query.ids?.split(','));
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Disposition', `attachment; filename="${result.deckId}-${suffix}"`);
    res.setHeader('X-Exported-Questions', String(result.exported));
    res.setHeader('X-Export-Warnings', String(result.warnings.length));
    return result.text;
  }
}
