import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export const GAME_ID = /^[A-Za-z0-9_-]{6,40}$/;

export class HistoryListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_-]{1,120}$/, { message: 'cursor is not one this server gave out' })
  cursor?: string;

  @ApiPropertyOptional({ description: 'only games of this deck' })
  @IsOptional() @IsString() @MaxLength(100)
  deck?: string;
}

export class DeckQueryDto {
  @ApiPropertyOptional({ description: 'deck id' })
  @IsString() @MaxLength(100)
  deck: string;
}

export class GameIdParamDto {
  @IsString() @Matches(GAME_ID, { message: 'gameId is not a game id' })
  gameId: string;
}
