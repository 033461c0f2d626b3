import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { QUESTION_TYPES, type QuestionType } from '../../questions/question.js';
import type { ScoringProfile } from '../engine/index.js';

export const MAX_ROUND_QUESTIONS = 100;

/** POST /api/games */
export class CreateGameDto {
  @IsString() @Length(1, 100)
  deckId: string;

  @IsInt() @Min(1) @Max(MAX_ROUND_QUESTIONS)
  questionCount: number;

  /** Section labels ("7. Tipos de Hypervisor"); all sections when absent. */
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true })
  sections?: string[];

  @IsOptional() @IsArray() @IsIn(QUESTION_TYPES, { each: true })
  types?: QuestionType[];

  /** Per-question time; bounded by MIN_TIME_LIMIT_SEC and MAX_TIME_LIMIT_SEC. */
  @IsOptional() @IsInt() @Min(1) @Max(3600)
  timeLimitSec?: number;

  @IsOptional() @IsIn(['classic', 'accuracy', 'practice'])
  scoring?: ScoringProfile;

  /** Points multiplier per question, by position (0×, 1× or 2×); missing entries are 1×. */
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ROUND_QUESTIONS) @IsIn([0, 1, 2], { each: true })
  multipliers?: Array<0 | 1 | 2>;

  @IsOptional() @IsInt() @Min(0) @Max(2 ** 31 - 1)
  seed?: number;
}
