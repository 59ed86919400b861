import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThanOrEqual, MoreThan, Repository } from 'typeorm';
import { Clock } from '@precedent/platform';
import { PublishedNotice } from './published-notice.entity';

/**
 * The public app's only view of the database: entries showing today (their window, not withdrawn).
 * It filters by date itself, so an entry comes down on time even before the worker marks it withdrawn.
 */
@Injectable()
export class PublishedNoticesReader {
  constructor(
    @InjectRepository(PublishedNotice) private readonly notices: Repository<PublishedNotice>,
    private readonly clock: Clock,
  ) {}

  private showing() {
    const today = this.clock.today();
    return { withdrawnAt: IsNull(), publishFrom: LessThanOrEqual(today), removeOn: MoreThan(today) };
  }

  /** Everything showing today, hearings soonest first, outcome reports newest first. */
  async current(): Promise<{ notices: PublishedNotice[]; outcomes: PublishedNotice[] }> {
    const notices = await this.notices.find({
      where: { ...this.showing(), kind: 'hearing_notice' },
      order: { hearingOn: 'ASC', startsAt: 'ASC', id: 'ASC' },
    });
    const outcomes = await this.notices.find({
      where: { ...this.showing(), kind: 'outcome_report' },
      order: { publishFrom: 'DESC', publishedAt: 'DESC', id: 'ASC' },
    });
    return { notices, outcomes };
  }

  /** One entry showing today, or null (gone, withdrawn, not yet published or never existed). */
  one(id: string): Promise<PublishedNotice | null> {
    return this.notices.findOne({ where: { ...this.showing(), id } });
  }
}
