import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';
import { InconsistencyService, MAX_PAIR_LIMIT, todaysRulesFrom } from '@precedent/analytics';
import { FORCE_CODES, FORCES } from '@precedent/exchange';
import { Clock, Env, londonDate } from '@precedent/platform';
import type { AuthenticatedRequest } from '../../common/authenticated-request';
import { Roles } from '../../common/roles.decorator';
import { pairsCsvRows, presentPairs } from './consistency.presenter';

const READERS = ['senior_officer', 'admin', 'appropriate_authority'] as const;

/**
 * Where like cases got unlike outcomes: the pairs the last recompute found, the home force's first,
 * readable without JavaScript and downloadable as CSV.
 */
@ApiExcludeController()
@Controller('reports')
export class ConsistencyPagesController {
  constructor(
    private readonly inconsistency: InconsistencyService,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {}

  @Get('consistency')
  @Roles(...READERS)
  async page(
    @Req() req: AuthenticatedRequest,
    @Query('rules') rules: string | undefined,
    @Res() res: Response,
  ) {
    const home = FORCE_CODES.has(this.env.FORCE_CODE) ? this.env.FORCE_CODE : null;
    const latest = await this.inconsistency.latest();
    const todaysRules = rules === 'today';
    const view = {
      title: 'Like cases, unlike outcomes',
      active: 'reports',
      principal: req.principal,
      todaysRules,
      todaysRulesFrom: todaysRulesFrom(londonDate(this.clock.now())),
      homeName: home ? FORCES.find((force) => force.code === home)?.name : null,
    };
    if (!latest) return res.render('pages/reports-consistency', view);
    const report = this.inconsistency.report(latest, { limit: MAX_PAIR_LIMIT });
    const pairs = presentPairs(report, {
      homeForce: home,
      ...(todaysRules ? { todaysRulesFrom: view.todaysRulesFrom } : {}),
    }).slice(0, 50);
    return res.render('pages/reports-consistency', {
      ...view,
      report,
      pairs,
      ours: pairs.filter((pair) => pair.ours).length,
    });
  }

  @Get('consistency.csv')
  @Roles(...READERS)
  async csv(@Res() res: Response) {
    const latest = await this.inconsistency.latest();
    const report = latest ? this.inconsistency.report(latest, { limit: MAX_PAIR_LIMIT }) : null;
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="like-cases-unlike-outcomes.csv"');
    res.send(stringify(pairsCsvRows(report?.pairs ?? [])));
  }
}
