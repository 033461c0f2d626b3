import { ApiProperty } from '@nestjs/swagger';
import { QUESTION_TYPES } from '../../questions/question.js';
import { DeckSummaryDto } from '../../questions/dto/create-deck.dto.js';

/** OpenAPI schemas of the bank responses (the types live beside the code that builds them). */

class SourceDto {
  @ApiProperty() section: string;
  @ApiProperty() slide: string;
  @ApiProperty() sentence: string;
}

export class BankQuestionDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'generator kind, "curated" or "teacher"' }) kind: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type: string;
  @ApiProperty() prompt: string;
  @ApiProperty({ type: [String] }) options: string[];
  @ApiProperty({ type: [Number] }) correct: number[];
  @ApiProperty({ type: [String] }) accepted: string[];
  @ApiProperty() explanation: string;
  @ApiProperty({ type: SourceDto }) source: SourceDto;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() difficulty: number;
  @ApiProperty({ enum: ['generated', 'curated', 'own'] }) origin: string;
  @ApiProperty() excluded: boolean;
  @ApiProperty({ description: 'the teacher changed a generated or curated question' }) edited: boolean;
  @ApiProperty({ description: 'epoch ms its content last changed (edit, reset, creation), 0 if never; its statistics start there' }) changedAt: number;
}

export class OrphanedEntryDto {
  @ApiProperty() questionId: string;
  @ApiProperty() excluded: boolean;
  @ApiProperty({ nullable: true, type: Object, description: 'the edited question, or null for an exclusion only' }) content: object | null;
  @ApiProperty() updatedAt: number;
}

export class DeckBankDto {
  @ApiProperty({ type: DeckSummaryDto }) deck: DeckSummaryDto;
  @ApiProperty({ type: [BankQuestionDto] }) questions: BankQuestionDto[];
  @ApiProperty({ type: [OrphanedEntryDto], description: 'edits whose question the deck no longer generates' }) orphaned: OrphanedEntryDto[];
}

export class ReuploadedDeckDto {
  @ApiProperty({ type: DeckSummaryDto }) deck: DeckSummaryDto;
  @ApiProperty({ type: [Object] }) warnings: object[];
  @ApiProperty({ type: [OrphanedEntryDto] }) orphaned: OrphanedEntryDto[];
}

export class BankErrorBodyDto {
  @ApiProperty({
    example: { code: 'QUESTION_INVALID', message: 'prompt: the prompt gives the answer away', fields: { prompt: ['the prompt gives the answer away'] } },
  })
  error: { code: string; message: string; fields?: Record<string, string[]>; line?: number; question?: string };
}

export class ItemStatsDto {
  @ApiProperty() questionId: string;
  @ApiProperty({ description: 'players who were asked it (games after its last change)' }) responses: number;
  @ApiProperty() games: number;
  @ApiProperty({ nullable: true, type: Number, description: 'share right, 0–1' }) facility: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'upper 27 % minus lower 27 % facility, −1 to 1' }) discrimination: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'point-biserial correlation with the rest of the game' }) pointBiserial: number | null;
  @ApiProperty({ nullable: true, type: Number }) meanResponseMs: number | null;
  @ApiProperty({ type: [Object], description: '{option, count, share, correct} per option as the bank shows it' }) options: object[];
  @ApiProperty({ type: [Object], description: '{code, message}' }) flags: object[];
}

export class DeckStatsDto {
  @ApiProperty() deckId: string;
  @ApiProperty() games: number;
  @ApiProperty({ type: [ItemStatsDto] }) items: ItemStatsDto[];
}

export class ImportedDto {
  @ApiProperty({ type: [BankQuestionDto] }) imported: BankQuestionDto[];
  @ApiProperty({ type: [String] }) warnings: string[];
}
