import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { SCORING_PROFILES, type ScoringProfile } from '../../game/engine/scoring.js';
import { DECK_ID } from '../dto/bank-params.dto.js';

/** POST /api/review-games: from a finished game (gameId), or from a section's record across games (deckId + section). */
export class ReviewGameDto {
  @ApiPropertyOptional({ description: 'a finished game in history' })
  @IsOptional()
  @Matches(/^[\w-]{1,64}$/, { message: 'gameId is not a game id' })
  gameId?: string;

  @ApiPropertyOptional() @IsOptional() @Matches(DECK_ID, { message: 'deckId is not a deck id' }) deckId?: string;
  @ApiPropertyOptional({ example: '7. Tipos de Hypervisor' }) @IsOptional() @IsString() @MaxLength(200) section?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  questionCount?: number;

  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(3600) timeLimitSec?: number;
  @ApiPropertyOptional({ enum: SCORING_PROFILES }) @IsOptional() @IsIn(SCORING_PROFILES) scoring?: ScoringProfile;
}
