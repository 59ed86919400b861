import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { HearingListingsService, HearingsService, type UpcomingHearing } from '@precedent/hearings';
import { hasRole } from '@precedent/identity';
import { Clock, WorkingDayCalendar } from '@precedent/platform';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { words } from '../common/code-words';
import { CASEWORK, HearingPage, principalOf } from './hearings/hearing-page';
import { calendarMonth, monthOf } from './month-calendar';

const CASE_READERS = ['investigator', 'appropriate_authority', 'panel_member', 'senior_officer'] as const;

/**
 * Hearings in the staff web UI: the calendar of those coming up, a hearing's page (its panel, dates
 * and notices, each on its working day, the outcome form and appeals) and its calendar file. The
 * page's forms post to the date, outcome and appeal page controllers beside this one.
 */
@ApiExcludeController()
@Controller('hearings')
@Roles(...CASE_READERS)
export class HearingPagesController {
  constructor(
    private readonly hearings: HearingsService,
    private readonly listings: HearingListingsService,
    private readonly page: HearingPage,
    private readonly clock: Clock,
    private readonly workingDays: WorkingDayCalendar,
  ) {}

  /**
   * The hearings calendar: a month as a table of weeks, bank holidays and weekends marked, each
   * hearing with its forum, case and time; then those coming up, including those still without a date.
   */
  @Get()
  async list(
    @Req() req: AuthenticatedRequest,
    @Query('month') asked: string | undefined,
    @Res() res: Response,
  ) {
    const principal = principalOf(req);
    const today = this.clock.today();
    const month = calendarMonth(monthOf(asked, today), (date) => this.workingDays.isBankHoliday(date));
    const [inMonth, upcoming] = await Promise.all([
      this.listings.between({ from: month.first, to: month.last }, principal, req.id),
      this.listings.upcoming({ from: today, limit: 200 }, principal, req.id),
    ]);
    const entry = ({ hearing, caseReference }: UpcomingHearing) => ({
      id: hearing.id,
      caseReference,
      forum: words(hearing.forum),
      status: words(hearing.status),
      fixed: hearing.status === 'fixed',
      date: hearing.scheduledOn ?? 'No date yet',
      startsAt: hearing.startsAt ?? '',
      place: hearing.venue ?? (hearing.remoteLink ? 'Remote' : ''),
    });
    res.render('pages/hearings', {
      title: `Hearings: ${month.label}`,
      active: 'hearings',
      principal: req.principal,
      today,
      canArrange: CASEWORK.some((role) => hasRole(principal, role)),
      month: {
        ...month,
        weeks: month.weeks.map((week) =>
          week.map(
            (day) =>
              day && {
                ...day,
                today: day.date === today,
                hearings: inMonth.filter((h) => h.hearing.scheduledOn === day.date).map(entry),
              },
          ),
        ),
      },
      rows: upcoming.map(entry),
    });
  }

  @Get(':id/calendar.ics')
  async calendar(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ) {
    const file = await this.hearings.calendarFile(id, principalOf(req), req.id);
    res.setHeader('content-type', 'text/calendar; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${file.filename}"`);
    res.send(file.body);
  }

  @Get(':id')
  async show(@Req() req: AuthenticatedRequest, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response) {
    await this.page.render(req, res, id, 200, {}, []);
  }
}
