import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { PanelRole } from './panel-composition.rules';
import type { UnavailablePeriod } from './sitting-time.rules';

/** Someone in the pool who may sit on panels, in the roles they are qualified for. */
@Entity('panel_members')
@Index('ux_panel_members_user', ['userId'], { unique: true, where: 'user_id IS NOT NULL' })
export class PanelMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Their account, when they use Precedent: it gives them access to their hearings' cases. */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true })
  roles: PanelRole[];

  /**
   * Police members and chairs: their rank (superintendent or above was required before 7 May 2024;
   * senior officers' chairs must outrank them); HM Inspectors as hm_inspector_of_constabulary.
   */
  @Column({ type: 'text', nullable: true })
  rank: string | null;

  /** Their force (a code such as kent): senior officers' hearings need a chair from another force. */
  @Column({ type: 'text', nullable: true })
  force: string | null;

  @Column({ type: 'date', array: true, default: '{}' })
  unavailableOn: string[];

  /** Parts of days they cannot sit, as local times: compared with sittings as intervals. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  unavailablePeriods: UnavailablePeriod[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
