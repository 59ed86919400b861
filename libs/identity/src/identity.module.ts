// Identity: users, roles, sign-in, sessions and the case access policy.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthSession } from './auth/auth-session.entity';
import { AuthService } from './auth/auth.service';
import { LoginThrottle } from './auth/login-throttle.entity';
import { RoleApproval } from './users/role-approval.entity';
import { RoleApprovalsService } from './users/role-approvals.service';
import { User } from './users/user.entity';
import { UsersService } from './users/users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, AuthSession, LoginThrottle, RoleApproval])],
  providers: [UsersService, AuthService, RoleApprovalsService],
  exports: [UsersService, AuthService, RoleApprovalsService],
})
export class IdentityModule {}
