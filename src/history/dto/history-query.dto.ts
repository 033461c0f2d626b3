import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const GAME_ID = /^[A-Za-z0-9_-]{6,40}$/;

export class HistoryListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,120}$/, { message: 'cursor is not one this server gave out' })
  cursor?: string;

  @ApiPropertyOptional({ description: 'only games of this deck' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  deck?: string;
}

export class DeckQueryDto {
  @ApiPropertyOptional({ description: 'deck id' })
  @IsString()
  @MaxLength(100)
  deck: string;
}

export class GameIdParamDto {
  @IsString()
  @Matches(GAME_ID, { message: 'gameId is not a game id' })
  gameId: string;
}

export class StudentParamDto extends GameIdParamDto {
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'playerId is not a player id' })
  playerId: string;
}

/** Export options: Spanish Excel wants ";" between columns, and the teacher's language for headers and verdicts. */
export class ExportQueryDto {
  @ApiPropertyOptional({ enum: ['comma', 'semicolon'], default: 'comma' })
  @IsOptional()
  @IsIn(['comma', 'semicolon'])
  sep?: 'comma' | 'semicolon';

  @ApiPropertyOptional({ enum: ['en', 'es'], default: 'en' })
  @IsOptional()
  @IsIn(['en', 'es'])
  lang?: 'en' | 'es';
}
