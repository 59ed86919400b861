import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Principal, type Role } from '@precedent/identity';

export class MeResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'inv.demo' })
  username: string;

  @ApiProperty({ example: 'DC Alex Morgan' })
  displayName: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  @ApiProperty({ nullable: true, example: 'north' })
  team: string | null;
}

export function toMeResponse(p: Principal): MeResponse {
  return { id: p.userId, username: p.username, displayName: p.displayName, roles: p.roles, team: p.team };
}
