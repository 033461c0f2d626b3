import { IsOptional, IsString, Length, Matches } from 'class-validator';

export const MAX_DECK_CHARS = 90_000;

/** POST /api/decks */
export class CreateDeckDto {
  /** The deck as Markdown: numbered section headings, bullets, bold terms (see README, "Deck format"). */
  @IsString()
  @Length(1, MAX_DECK_CHARS)
  markdown: string;

  /** Defaults to a slug of the deck's title. */
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'id must be lowercase letters, digits and dashes (at most 64)' })
  id?: string;
}
