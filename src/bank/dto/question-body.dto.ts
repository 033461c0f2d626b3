import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { QUESTION_TYPES, type QuestionType } from '../../questions/question.js';

/**
 * Bodies only check JSON types and gross sizes here (400 INVALID_PAYLOAD);
 * lengths, options and keys are checked with the question rules afterwards so
 * the answer (422 QUESTION_INVALID) names each field's problem.
 */
class SourceBodyDto {
  @ApiProperty({ example: '7. Tipos de Hypervisor' }) @IsString() @MaxLength(1000) section: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) slide?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) sentence?: string;
}

class PartialSourceBodyDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) section?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) slide?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) sentence?: string;
}

/** PATCH: any subset of the fields; the merged question must pass every rule. */
export class EditQuestionDto {
  @ApiPropertyOptional({ enum: QUESTION_TYPES }) @IsOptional() @IsIn(QUESTION_TYPES) type?: QuestionType;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) prompt?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) options?: string[];
  @ApiPropertyOptional({ type: [Number], description: 'indices into options: the right ones, or the right order' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsInt({ each: true })
  correct?: number[];
  @ApiPropertyOptional({ type: [String], description: 'typed questions: every accepted answer' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  accepted?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) explanation?: string;
  @ApiPropertyOptional({ type: PartialSourceBodyDto }) @IsOptional() @ValidateNested() @Type(() => PartialSourceBodyDto) source?: PartialSourceBodyDto;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) tags?: string[];
  @ApiPropertyOptional({ minimum: 1, maximum: 3 }) @IsOptional() @IsInt() difficulty?: number;
}

/** POST: a teacher-written question into one of the deck's sections. */
export class NewQuestionDto {
  @ApiProperty({ enum: QUESTION_TYPES }) @IsIn(QUESTION_TYPES) type: QuestionType;
  @ApiProperty() @IsString() @MaxLength(5000) prompt: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) options: string[];
  @ApiProperty({ type: [Number] }) @IsArray() @ArrayMaxSize(50) @IsInt({ each: true }) correct: number[];
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) accepted?: string[];
  @ApiProperty() @IsString() @MaxLength(5000) explanation: string;
  @ApiProperty({ type: SourceBodyDto }) @ValidateNested() @Type(() => SourceBodyDto) source: SourceBodyDto;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) tags?: string[];
  @ApiPropertyOptional({ minimum: 1, maximum: 3, default: 2 }) @IsOptional() @IsInt() difficulty?: number;
}

export class ExcludeDto {
  @ApiProperty() @IsBoolean() excluded: boolean;
}
