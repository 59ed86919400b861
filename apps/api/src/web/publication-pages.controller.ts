import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { PublicationService, type PublicationProblem } from '@precedent/hearings';
import { DomainError } from '@precedent/platform';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { errorsByField, principalOf, timeText, type Form, type FormError } from './form-fields';
import { publicationFormErrors, STAGE_ITEMS } from './publication-decision.form';

const WITHHELD_WORDS: Record<string, string> = {
  everything: 'Everything (nothing published)',
  officer_name: "The officer's name",
  officer_rank: "The officer's rank",
  other: 'Something else',
};

/**
 * The chair's publication decisions on a public hearing's page: what of the notice and the outcome
 * report the public site shows, what is withheld and why. Reads and decisions go through
 * PublicationService, which checks who may decide and audits.
 */
@ApiExcludeController()
@Controller('hearings/:id/publication')
@Roles('investigator', 'appropriate_authority', 'panel_member', 'senior_officer')
export class PublicationPagesController {
  constructor(private readonly publication: PublicationService) {}

  @Get()
  async page(@Req() req: AuthenticatedRequest, @Param('id', ParseUUIDPipe) id: string, @Res() res: Response) {
    await this.render(req, res, id, 200, {}, null);
  }

  @Post()
  @Roles('panel_member', 'appropriate_authority')
  async decide(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const { value, errors } = publicationFormErrors(body);
    if (errors.length) return this.render(req, res, id, 400, body, errors);
    try {
      await this.publication.decide(id, value, principalOf(req), req.id);
      res.redirect(303, `/hearings/${id}/publication?done=decided#decisions`);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'invalid') {
        const problems = (error.details?.problems ?? []) as PublicationProblem[];
        const list = problems.length
          ? problems.map((p) => ({ text: p.message, href: `#${p.field}` }))
          : [{ text: error.message, href: '#stage' }];
        return this.render(req, res, id, 422, body, list);
      }
      if (error instanceof DomainError && error.kind === 'conflict')
        return this.render(req, res, id, 422, body, [{ text: error.message, href: '#stage' }]);
      throw error;
    }
  }

  private async render(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    status: number,
    form: Form,
    errors: FormError[] | null,
  ) {
    const { hearing, reference, subjects, decisions } = await this.publication.overview(
      id,
      principalOf(req),
      req.id,
    );
    const nameOf = new Map(subjects.map((s) => [s.id, s.name]));
    const done = { decided: 'The publication decision has been recorded.' }[String(req.query.done)] ?? null;
    res.status(status).render('pages/hearing-publication', {
      title: `${errors ? 'Error: ' : ''}Publication of the hearing for case ${reference}`,
      active: 'hearings',
      principal: req.principal,
      errors,
      errorFor: errorsByField(errors),
      form,
      done: errors ? null : done,
      hearing: { id: hearing.id, scheduledOn: hearing.scheduledOn, inPublic: hearing.inPublic },
      reference,
      subjectItems: subjects.map((s) => ({ value: s.id, text: s.name, checked: form.subjectId === s.id })),
      stageItems: STAGE_ITEMS.map((item) => ({
        value: item.value,
        text: item.text,
        hint: { text: item.hint },
        checked: form.stage === item.value,
      })),
      decisions: decisions.map((d) => ({
        when: timeText(d.decidedAt),
        officer: nameOf.get(d.subjectId) ?? 'Unknown',
        stage: d.stage === 'notice' ? 'Notice' : 'Outcome report',
        published: d.publish ? 'Yes' : 'No',
        withheld: d.withheld.length
          ? d.withheld.map((w) => WITHHELD_WORDS[w] ?? w).join(', ') +
            (d.withheldOther ? `: ${d.withheldOther}` : '')
          : 'Nothing',
        reasons: d.reasons ?? '',
      })),
    });
  }
}
