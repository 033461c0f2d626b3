import { plainToInstance, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, Length, Max, MaxLength, Min, ValidateNested, validateSync } from 'class-validator';
import { describeValidationErrors } from '../common/validation.js';
import { QUESTION_TYPES, type QuestionFields, type QuestionType } from './question.js';

class QuestionSourceDto {
  @IsString() @Length(1, 200) section: string;
  @IsString() @MaxLength(200) slide: string;
  @IsString() @MaxLength(2000) sentence: string;
}

/** The shape every question must have, whether generated or read from a curated bank. */
export class QuestionDto implements QuestionFields {
  @IsString() @Length(1, 120) id: string;
  @IsString() @Length(1, 60) kind: string;
  @IsIn(QUESTION_TYPES) type: QuestionType;
  @IsString() @Length(5, 600) prompt: string;
  @IsArray() @ArrayMaxSize(8) @IsString({ each: true }) @Length(1, 300, { each: true }) options: string[];
  @IsArray() @ArrayMaxSize(8) @IsInt({ each: true }) @Min(0, { each: true }) correct: number[];
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 200, { each: true }) accepted: string[];
  @IsString() @Length(1, 2000) explanation: string;
  @ValidateNested() @Type(() => QuestionSourceDto) source: QuestionSourceDto;
  @IsArray() @IsString({ each: true }) tags: string[];
  @IsInt() @Min(1) @Max(3) difficulty: number;
}

/** Structural problems of one question, as one readable line ("" if none). */
export function structuralProblems(question: unknown): string {
  const dto = plainToInstance(QuestionDto, question);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
  return describeValidationErrors(errors);
}
