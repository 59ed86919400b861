import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role, type User } from '@precedent/identity';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({
    enum: ROLES,
    isArray: true,
    description: 'Roles that read case content, given but waiting for a second administrator',
  })
  awaitingApproval: Role[];
  @ApiProperty({ nullable: true }) team: string | null;
  @ApiProperty() disabled: boolean;
  @ApiProperty() createdAt: string;
}

export class RoleApprovalResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() username: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty() requestedByName: string;
  @ApiProperty() requestedAt: string;
}

export function toUserResponse(u: User, awaitingApproval: Role[] = []): UserResponse {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    awaitingApproval,
    team: u.team,
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
  };
}
