import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '@agm/domain';
import { AccountCreateDto, AccountResponseDto, ErrorResponseDto } from '@agm/contracts';
import { CurrentPrincipal } from '../auth/auth.guard';
import { CreateAccount } from './use-cases/create-account.use-case';

@ApiTags('conference set-up')
@ApiBearerAuth()
@Controller('accounts')
export class AccountsController {
  constructor(private readonly createAccount: CreateAccount) {}

  @Post()
  @ApiOperation({
    summary: 'Head office creates an official account (password at least 12 characters, stored as argon2id)',
  })
  @ApiCreatedResponse({ type: AccountResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto })
  create(
    @Body() body: AccountCreateDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AccountResponseDto> {
    return this.createAccount.execute(principal, body);
  }
}
