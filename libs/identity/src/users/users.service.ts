import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService, type AuditContext } from '@precedent/audit';
import { InvalidInputError, NotFoundError } from '@precedent/platform';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password';
import { RoleApprovalsService } from './role-approvals.service';
import { isRole, Role } from './role';
import { User } from './user.entity';
import { UnknownRoleError, UsernameTakenError, WeakPasswordError } from './user.errors';

export interface UpdateUserInput {
  roles?: string[];
  displayName?: string;
  team?: string | null;
  /** A disabled user cannot sign in, and their open sessions stop working at once. */
  disabled?: boolean;
}

export interface CreateUserInput {
  username: string;
  password: string;
  roles: string[];
  displayName?: string;
  team?: string | null;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/i;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly approvals: RoleApprovalsService,
  ) {}

  async create(input: CreateUserInput, context: AuditContext): Promise<User> {
    if (!USERNAME.test(input.username)) {
      throw new InvalidInputError(
        'invalid_username',
        'A username is 2 to 63 letters, digits, ".", "_" or "-", starting with a letter or digit.',
        { fields: [{ field: 'username', message: 'letters, digits, ".", "_" or "-"' }] },
      );
    }
    if (input.password.length < MIN_PASSWORD_LENGTH) throw new WeakPasswordError();
    const roles = [...new Set(input.roles)];
    if (roles.length === 0) throw new InvalidInputError('no_role', 'Give the user at least one role.');
    for (const role of roles) if (!isRole(role)) throw new UnknownRoleError(role);
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (em) => {
      const taken = await em
        .getRepository(User)
        .createQueryBuilder('u')
        .where('lower(u.username) = lower(:username)', { username: input.username })
        .getExists();
      if (taken) throw new UsernameTakenError(input.username);
      // roles that read case content wait for a second administrator (created without them first)
      const user = await em.save(
        em.create(User, {
          username: input.username,
          displayName: input.displayName ?? input.username,
          passwordHash,
          roles: [],
          team: input.team ?? null,
        }),
      );
      await this.audit.record(em, context, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        details: { roles, team: user.team },
      });
      const given = await this.approvals.holdBack(em, user.id, [], roles as Role[], context);
      user.roles = given.roles;
      return em.save(user);
    });
  }

  /** Changes roles, team, name or whether the user may sign in; records what changed. */
  async update(id: string, input: UpdateUserInput, context: AuditContext): Promise<User> {
    const roles = input.roles === undefined ? undefined : [...new Set(input.roles)];
    if (roles) {
      if (roles.length === 0) throw new InvalidInputError('no_role', 'Give the user at least one role.');
      for (const role of roles) if (!isRole(role)) throw new UnknownRoleError(role);
    }
    return this.dataSource.transaction(async (em) => {
      const user = await em
        .getRepository(User)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFoundError('user', id);
      const changed = Object.entries({ ...input, roles })
        .filter(([, value]) => value !== undefined)
        .map(([field]) => field);
      if (roles) {
        // a new role that reads case content waits for a second administrator
        const given = await this.approvals.holdBack(em, id, user.roles, roles as Role[], context);
        user.roles = given.roles;
      }
      if (input.displayName !== undefined) user.displayName = input.displayName;
      if (input.team !== undefined) user.team = input.team;
      if (input.disabled !== undefined) user.disabled = input.disabled;
      const saved = await em.save(user);
      await this.audit.record(em, context, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        details: { changed, roles: saved.roles, team: saved.team, disabled: saved.disabled },
      });
      return saved;
    });
  }

  async findById(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw new NotFoundError('user', id);
    return user;
  }

  async findByUsername(username: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
  }

  async findMany(ids: string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    return this.dataSource.getRepository(User).findBy({ id: In(ids) });
  }

  async list(): Promise<User[]> {
    return this.dataSource.getRepository(User).find({ order: { username: 'ASC' } });
  }
}
