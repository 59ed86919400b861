import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { WorkingDayCalendar } from '@precedent/platform';
import { WorkingDaysQueryDto } from './working-days-query.dto';

/** The England and Wales working-day calendar, for the UI and other systems. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/calendar')
export class CalendarController {
  constructor(private readonly calendar: WorkingDayCalendar) {}

  @Get('working-days')
  @ApiOkResponse({
    description: 'The Nth working day after `from`',
    schema: { example: { date: '2027-01-04' } },
  })
  workingDays(@Query() query: WorkingDaysQueryDto): { date: string } {
    return { date: this.calendar.addWorkingDays(query.from.slice(0, 10), query.add) };
  }
}
