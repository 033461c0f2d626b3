import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ItemStatsDto } from '../../bank/dto/bank.responses.js';
import { QUESTION_TYPES, type QuestionType } from '../../questions/question.js';

/** OpenAPI schemas of the history responses (the types themselves live beside the code that builds them). */

class Winner {
  @ApiProperty() nickname: string;
  @ApiProperty() score: number;
}

export class HistorySummaryDto {
  @ApiProperty() gameId: string;
  @ApiProperty() deckId: string;
  @ApiProperty() deckTitle: string;
  @ApiProperty({ description: 'epoch ms' }) startedAt: number;
  @ApiProperty({ description: 'epoch ms' }) endedAt: number;
  @ApiProperty({ enum: ['completed', 'ended-early', 'abandoned', 'interrupted'] }) endReason: string;
  @ApiProperty() playerCount: number;
  @ApiProperty() questionCount: number;
  @ApiProperty({ type: Winner, nullable: true }) winner: Winner | null;
  @ApiProperty({ description: '0–1' }) averageCorrectRate: number;
}

export class HistoryPageDto {
  @ApiProperty({ type: [HistorySummaryDto] }) games: HistorySummaryDto[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}

class RankedPlayerDto {
  @ApiProperty() playerId: string;
  @ApiProperty() nickname: string;
  @ApiProperty() score: number;
  @ApiProperty() correctCount: number;
  @ApiProperty() streak: number;
  @ApiProperty() bestStreak: number;
  @ApiProperty() rank: number;
  @ApiProperty({ nullable: true, type: Number }) previousRank: number | null;
  @ApiProperty({ description: 'points earned on the last question played' }) roundPoints: number;
}

class SourceDto {
  @ApiProperty() section: string;
  @ApiProperty() slide: string;
  @ApiProperty() sentence: string;
}

class DistributionDto {
  @ApiProperty({ type: [Number] }) options: number[];
  @ApiProperty() correct: number;
  @ApiProperty() incorrect: number;
  @ApiProperty() unanswered: number;
}

class PlayerAnswerDto {
  @ApiProperty() playerId: string;
  @ApiProperty() nickname: string;
  @ApiProperty({ oneOf: [{ type: 'integer' }, { type: 'array', items: { type: 'integer' } }, { type: 'string' }] })
  answer: number | number[] | string;
  @ApiProperty() correct: boolean;
  @ApiProperty() points: number;
  @ApiProperty() responseMs: number;
}

class HistoryQuestionDto {
  @ApiProperty() index: number;
  @ApiProperty() questionId: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type: QuestionType;
  @ApiProperty() prompt: string;
  @ApiProperty({ type: [String] }) options: string[];
  @ApiProperty({ type: [Number] }) correct: number[];
  @ApiProperty({ type: [String] }) accepted: string[];
  @ApiProperty({ type: SourceDto }) source: SourceDto;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: DistributionDto }) distribution: DistributionDto;
  @ApiProperty() correctRate: number;
  @ApiProperty({ nullable: true, type: Number }) medianResponseMs: number | null;
  @ApiProperty({ type: [PlayerAnswerDto] }) answers: PlayerAnswerDto[];
  @ApiProperty({ type: [String], required: false, description: 'players who joined after the question was shown and did not answer it' })
  joinedLater?: string[];
}

export class HistoryRecordDto {
  @ApiProperty() gameId: string;
  @ApiProperty() deckId: string;
  @ApiProperty() deckTitle: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the game settings' }) settings: object;
  @ApiProperty() startedAt: number;
  @ApiProperty() endedAt: number;
  @ApiProperty({ enum: ['completed', 'ended-early', 'abandoned', 'interrupted'] }) endReason: string;
  @ApiProperty({ type: [RankedPlayerDto] }) leaderboard: RankedPlayerDto[];
  @ApiProperty({ type: [HistoryQuestionDto] }) questions: HistoryQuestionDto[];
}

class SectionStatDto {
  @ApiProperty() section: string;
  @ApiProperty() questions: number;
  @ApiProperty() asked: number;
  @ApiProperty() correct: number;
  @ApiProperty() correctRate: number;
}

class HardQuestionDto {
  @ApiProperty() index: number;
  @ApiProperty() prompt: string;
  @ApiProperty() section: string;
  @ApiProperty() correctRate: number;
  @ApiProperty({ nullable: true, type: Number }) medianResponseMs: number | null;
}

class MisconceptionDto {
  @ApiProperty() index: number;
  @ApiProperty() prompt: string;
  @ApiProperty() answer: string;
  @ApiProperty() count: number;
  @ApiProperty() share: number;
}

export class HistoryReportDto {
  @ApiProperty() gameId: string;
  @ApiProperty({ enum: ['completed', 'ended-early', 'abandoned', 'interrupted'] }) endReason: string;
  @ApiProperty({ type: [HardQuestionDto] }) hardestQuestions: HardQuestionDto[];
  @ApiProperty({ type: [SectionStatDto] }) sections: SectionStatDto[];
  @ApiProperty({ type: [MisconceptionDto] }) misconceptions: MisconceptionDto[];
  @ApiProperty({ type: [String] }) sectionsToReview: string[];
  @ApiProperty({ type: [ItemStatsDto], description: 'item analysis of this game (see docs/item-analysis.md)' }) items: ItemStatsDto[];
}

class TrendPointDto {
  @ApiProperty() gameId: string;
  @ApiProperty() endedAt: number;
  @ApiProperty() correctRate: number;
}

class SectionTrendDto extends SectionStatDto {
  @ApiProperty({ type: [TrendPointDto], description: 'the same section game by game, oldest first' })
  trend: TrendPointDto[];
}

export class DeckSectionsDto {
  @ApiProperty() deckId: string;
  @ApiProperty() games: number;
  @ApiProperty({ type: [SectionTrendDto] }) sections: SectionTrendDto[];
}

export class ErrorBodyDto {
  @ApiPropertyOptional({ example: { code: 'GAME_NOT_FOUND', message: 'No finished game with that id.' } })
  error: { code: string; message: string };
}
