import { Body, Controller, HttpCode, Post, UseGuards, UsePipes } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { TeacherKeyGuard } from '../../auth/teacher-key.guard.js';
import { httpValidationPipe } from '../../common/validation.js';
import { CreatedGameDto } from '../../game/dto/create-game.dto.js';
import { BankErrorBodyDto } from '../dto/bank.responses.js';
import { ReviewGameDto } from './review-game.dto.js';
import { ReviewService } from './review.service.js';

@ApiTags('bank')
@ApiBearerAuth()
@UseGuards(TeacherKeyGuard)
@UsePipes(httpValidationPipe)
@Controller('api/review-games')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'A new game from what the class missed: lowest facility first, with other questions on the same facts' })
  @ApiCreatedResponse({ type: CreatedGameDto })
  @ApiUnprocessableEntityResponse({ type: BankErrorBodyDto, description: 'NOTHING_TO_REVIEW' })
  create(@Body() dto: ReviewGameDto) {
    return this.review.create(dto);
  }
}
