import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';

export const MAX_DECK_CHARS = 90_000;

/** POST /api/decks */
export class CreateDeckDto {
  /** The deck as Markdown: numbered section headings, bullets, bold terms (see README, "Deck format"). */
  @ApiProperty({ maxLength: MAX_DECK_CHARS })
  @IsString()
  @Length(1, MAX_DECK_CHARS)
  markdown: string;

  /** Defaults to a slug of the deck's title. */
  @ApiPropertyOptional({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'id must be lowercase letters, digits and dashes (at most 64)' })
  id?: string;

  /** Replace a deck that has this id (otherwise that is 409 DECK_EXISTS). */
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  replace?: boolean;
}

class DeckSectionDto {
  @ApiProperty() number: number;
  @ApiProperty({ example: '7. Tipos de Hypervisor' }) label: string;
  @ApiProperty() questionCount: number;
}

export class DeckSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['es', 'en'] }) language: string;
  @ApiProperty() questionCount: number;
  @ApiProperty({ type: [DeckSectionDto] }) sections: DeckSectionDto[];
}

class BankWarningDto {
  @ApiProperty() questionId: string;
  @ApiProperty() kind: string;
  @ApiProperty() problem: string;
}

export class AddedDeckDto {
  @ApiProperty({ type: DeckSummaryDto }) deck: DeckSummaryDto;
  @ApiProperty({ type: [BankWarningDto], description: 'generated questions dropped for breaking a rule' }) warnings: BankWarningDto[];
  @ApiProperty({ description: 'an earlier deck with this id was replaced' }) replaced: boolean;
}
