import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Render, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PublishedNoticesReader } from '@precedent/hearings';
import { Clock, Env, Public } from '@precedent/platform';
import { atomFeed, presentEntry } from './published-entry.presenter';

export const SITE_TITLE = 'Police misconduct hearings';

/** The public pages: what is showing today, one entry, and the Atom feed. Nothing here takes input but an id. */
@Controller()
export class PublicPagesController {
  constructor(
    private readonly reader: PublishedNoticesReader,
    private readonly env: Env,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Get()
  @Render('pages/index')
  async index() {
    const { notices, outcomes } = await this.reader.current();
    return {
      title: SITE_TITLE,
      notices: notices.map(presentEntry),
      outcomes: outcomes.map(presentEntry),
      publicationDays: this.env.OUTCOME_PUBLICATION_DAYS,
    };
  }

  @Public()
  @Get('notices/:id')
  @Render('pages/entry')
  async entry(@Param('id', ParseUUIDPipe) id: string) {
    const entry = await this.reader.one(id);
    if (!entry) throw new NotFoundException();
    const view = presentEntry(entry);
    return { title: view.title, entry: view };
  }

  @Public()
  @Get('feed.atom')
  async feed(@Res() response: Response): Promise<void> {
    const { notices, outcomes } = await this.reader.current();
    const base = this.env.PUBLICATION_URL || `http://127.0.0.1:${this.env.PUBLICATION_PORT}`;
    response
      .type('application/atom+xml; charset=utf-8')
      .send(atomFeed([...notices, ...outcomes], base, SITE_TITLE, this.clock.now()));
  }
}
