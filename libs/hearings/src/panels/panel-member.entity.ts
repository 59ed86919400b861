import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  type ValueTransformer,
} from 'typeorm';
import type { PanelRole } from './panel-composition.rules';
import type { UnavailablePeriod } from './sitting-time.rules';

/**
 * The driver reads a `date[]` as JavaScript Dates (TypeORM turns only single dates back into text), so
 * without this the days were Dates and "unavailable on 2027-01-06" never matched a hearing's date.
 */
const CALENDAR_DAYS: ValueTransformer = {
  to: (days: string[] | undefined) => days,
  from: (days: (Date | string)[] | null) =>
    (days ?? []).map((day) =>
      day instanceof Date
        ? `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`
        : day,
    ),
};

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

  /** Where seating notices and reminders are emailed. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'date', array: true, default: '{}', transformer: CALENDAR_DAYS })
  unavailableOn: string[];

  /** Parts of days they cannot sit, as local times: compared with sittings as intervals. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  unavailablePeriods: UnavailablePeriod[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
