import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { AuthService } from '@precedent/identity';
import { Public } from '@precedent/platform';
import { Ctx, type RequestContext, RequestId } from '../common/request-context.decorator';
import { LoginDto, LoginResponse } from './login.dto';
import { MeResponse, toMeResponse } from './me.response';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ description: 'Wrong username or password (the same answer for both)' })
  @ApiTooManyRequestsResponse({
    description: 'Too many failed sign-ins for this username; locked for a while',
  })
  async login(@Body() body: LoginDto, @RequestId() requestId: string): Promise<LoginResponse> {
    const signedIn = await this.auth.signIn(body.username, body.password, 'api', requestId);
    return {
      accessToken: signedIn.token,
      expiresIn: signedIn.lifetimeSeconds,
      tokenType: 'Bearer',
    };
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@Ctx() ctx: RequestContext): Promise<void> {
    await this.auth.signOut(ctx.principal, ctx.requestId);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeResponse })
  me(@Ctx() ctx: RequestContext): MeResponse {
    return toMeResponse(ctx.principal);
  }
}
