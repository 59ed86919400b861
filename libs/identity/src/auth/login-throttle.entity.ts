import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins per username, kept whether or not the username exists, so the answer never tells
 * an attacker which usernames are real.
 */
@Entity('login_throttles')
export class LoginThrottle {
  /** lower(username). */
  @PrimaryColumn({ type: 'text' })
  usernameKey: string;

  @Column({ type: 'int', default: 0 })
  failures: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastFailureAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
