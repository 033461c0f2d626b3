import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { QUESTION_TYPES, type QuestionType } from '../../questions/question.js';
import { LIMITS } from '../../protocol/limits.js';
import { SCORING_PROFILES, type ScoringProfile } from '../engine/scoring.js';

export const MAX_ROUND_QUESTIONS = LIMITS.roundQuestions;

/** POST /api/games */
export class CreateGameDto {
  @ApiProperty({ example: 'tema1-virtualizacion' })
  @IsString()
  @Length(1, 100)
  deckId: string;

  @ApiProperty({ minimum: 1, maximum: MAX_ROUND_QUESTIONS, example: 10 })
  @IsInt()
  @Min(1)
  @Max(MAX_ROUND_QUESTIONS)
  questionCount: number;

  /** Section labels ("7. Tipos de Hypervisor"); all sections when absent. */
  @ApiPropertyOptional({ type: [String], example: ['7. Tipos de Hypervisor'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  sections?: string[];

  @ApiPropertyOptional({ enum: QUESTION_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(QUESTION_TYPES, { each: true })
  types?: QuestionType[];

  /** Per-question time; bounded by MIN_TIME_LIMIT_SEC and MAX_TIME_LIMIT_SEC. */
  @ApiPropertyOptional({ example: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3600)
  timeLimitSec?: number;

  /** Seconds each question is shown alone before its options open and its clock starts (0: at once). */
  @ApiPropertyOptional({ minimum: 0, maximum: LIMITS.getReadySec, default: 0, example: 3 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(LIMITS.getReadySec)
  getReadySec?: number;

  /** Players get generated friendly names ("Panda Feliz") instead of the ones they type. */
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  randomNames?: boolean;

  @ApiPropertyOptional({ enum: SCORING_PROFILES, default: 'classic' satisfies ScoringProfile })
  @IsOptional()
  @IsIn(SCORING_PROFILES)
  scoring?: ScoringProfile;

  /** Points multiplier per question, by position (0×, 1× or 2×); missing entries are 1×. */
  @ApiPropertyOptional({ type: [Number], example: [1, 1, 2] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ROUND_QUESTIONS)
  @IsIn([0, 1, 2], { each: true })
  multipliers?: Array<0 | 1 | 2>;

  @ApiPropertyOptional({ description: 'the same seed gives the same round' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2 ** 31 - 1)
  seed?: number;
}

export class CreatedGameDto {
  @ApiProperty() gameId: string;
  @ApiProperty({ example: '482913' }) pin: string;
  @ApiProperty({ description: 'credential of the host screen (host:attach)' }) hostToken: string;
  @ApiProperty({ example: 'http://192.168.1.20:3000/play?pin=482913' }) joinUrl: string;
  @ApiProperty() questionCount: number;
}
