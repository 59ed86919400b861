import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users/user.entity';

export type SessionKind = 'api' | 'web';

/**
 * A signed-in session: an API bearer token or a web session cookie. Only the token's SHA-256 is
 * stored, so a copy of the database does not let anyone sign in; sign-out revokes at once.
 */
@Entity('auth_sessions')
@Index('ux_auth_sessions_token_digest', ['tokenDigest'], { unique: true })
@Index('ix_auth_sessions_user', ['userId'])
export class AuthSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_auth_sessions_user' })
  user?: User;

  @Column({ type: 'text' })
  tokenDigest: string;

  @Column({ type: 'text' })
  kind: SessionKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
