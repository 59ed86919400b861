import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RoleApprovalsService, type User, UsersService } from '@precedent/identity';
import { Ctx, type RequestContext } from '../common/request-context.decorator';
import { Roles } from '../common/roles.decorator';
import { CreateUserDto } from './create-user.dto';
import { UpdateUserDto } from './update-user.dto';
import { RoleApprovalResponse, toUserResponse, UserResponse } from './user.response';

@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly approvals: RoleApprovalsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: UserResponse, isArray: true })
  async list(): Promise<{ items: UserResponse[]; total: number }> {
    const users = await this.users.list();
    const awaiting = await this.approvals.awaitingFor(users.map((u) => u.id));
    return { items: users.map((u) => toUserResponse(u, awaiting.get(u.id))), total: users.length };
  }

  @Post()
  @ApiCreatedResponse({ type: UserResponse })
  async create(@Body() body: CreateUserDto, @Ctx() ctx: RequestContext): Promise<UserResponse> {
    return this.withAwaiting(await this.users.create(body, ctx.audit));
  }

  /** Roles that read case content, given by one administrator, waiting for a second. */
  @Get('role-approvals')
  @ApiOkResponse({ type: RoleApprovalResponse, isArray: true })
  async pending(): Promise<{ items: RoleApprovalResponse[] }> {
    const items = await this.approvals.pending();
    return { items: items.map((a) => ({ ...a, requestedAt: a.requestedAt.toISOString() })) };
  }

  /** A second administrator (not the one who asked, not the user) approves: the user holds the role. */
  @Post('role-approvals/:id/approve')
  @HttpCode(200)
  async approve(@Param('id', ParseUUIDPipe) id: string, @Ctx() ctx: RequestContext): Promise<UserResponse> {
    const decided = await this.approvals.decide(id, true, ctx.audit);
    return this.withAwaiting(await this.users.findById(decided.userId));
  }

  @Post('role-approvals/:id/refuse')
  @HttpCode(200)
  async refuse(@Param('id', ParseUUIDPipe) id: string, @Ctx() ctx: RequestContext): Promise<UserResponse> {
    const decided = await this.approvals.decide(id, false, ctx.audit);
    return this.withAwaiting(await this.users.findById(decided.userId));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserResponse })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
    @Ctx() ctx: RequestContext,
  ): Promise<UserResponse> {
    return this.withAwaiting(await this.users.update(id, body, ctx.audit));
  }

  private async withAwaiting(user: User): Promise<UserResponse> {
    return toUserResponse(user, (await this.approvals.awaitingFor([user.id])).get(user.id));
  }
}
