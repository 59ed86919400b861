import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UsersService } from '@precedent/identity';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { Roles } from '../common/roles.decorator';
import { CreateUserDto } from './create-user.dto';
import { UpdateUserDto } from './update-user.dto';
import { toUserResponse, UserResponse } from './user.response';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: UserResponse, isArray: true })
  async list(): Promise<{ items: UserResponse[]; total: number }> {
    const users = await this.users.list();
    return { items: users.map(toUserResponse), total: users.length };
  }

  @Post()
  @ApiCreatedResponse({ type: UserResponse })
  async create(@Body() body: CreateUserDto, @Ctx() ctx: RequestContext): Promise<UserResponse> {
    return toUserResponse(await this.users.create(body, ctx.audit));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserResponse })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
    @Ctx() ctx: RequestContext,
  ): Promise<UserResponse> {
    return toUserResponse(await this.users.update(id, body, ctx.audit));
  }
}
