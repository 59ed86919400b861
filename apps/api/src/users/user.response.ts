import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role, type User } from '@precedent/identity';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ nullable: true }) team: string | null;
  @ApiProperty() disabled: boolean;
  @ApiProperty() createdAt: string;
}

export function toUserResponse(u: User): UserResponse {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    team: u.team,
    disabled: u.disabled,
    createdAt: u.createdAt.toISOString(),
  };
}
