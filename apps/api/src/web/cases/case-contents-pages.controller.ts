import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CaseContentsService, CasesService } from '@precedent/cases';
import { DomainError, NotFoundError } from '@precedent/platform';
import type { AuthenticatedRequest } from '../../common/authenticated-request';
import { Roles } from '../../common/roles.decorator';
import {
  ALLEGATION_FIELDS,
  byField,
  CONDUCT_FIELDS,
  type FieldSpec,
  type FormProblem,
  type Posted,
  SUBJECT_FIELDS,
} from '../case-forms';
import { readAllegation, readConductItem, readSubject, refusalProblem } from './case-part.forms';
import { caseFormOptions, type CaseFormName } from './case-form-options';
import { partToRemove, partValues } from './case-part.presenter';

type Part = 'subjects' | 'allegations' | 'conduct-items';
const PARTS: Record<
  Part,
  {
    form: CaseFormName;
    kind: 'subject' | 'allegation' | 'conduct_item';
    tab: string;
    title: string;
    fields: Record<string, FieldSpec>;
  }
> = {
  subjects: {
    form: 'subject',
    kind: 'subject',
    tab: 'subjects',
    title: 'Correct a subject',
    fields: SUBJECT_FIELDS,
  },
  allegations: {
    form: 'allegation',
    kind: 'allegation',
    tab: 'subjects',
    title: 'Correct an allegation',
    fields: ALLEGATION_FIELDS,
  },
  'conduct-items': {
    form: 'conduct',
    kind: 'conduct_item',
    tab: 'conduct',
    title: 'Correct a conduct item',
    fields: CONDUCT_FIELDS,
  },
};
const SAVED = { subject: 'subject', allegation: 'allegation', conduct: 'conduct' } as const;

/**
 * Correcting and removing a case's subjects, allegations and conduct items: each has its own page
 * (the form as when it was added, filled in), and removing asks to confirm on a page of its own. Saved, they go
 * back to the case page with a confirmation; refused, the page comes back at its own address with
 * the errors, so a reload shows the form again.
 */
@ApiExcludeController()
@Controller('cases/:id')
@Roles('investigator', 'appropriate_authority')
export class CaseContentsPagesController {
  constructor(
    private readonly cases: CasesService,
    private readonly contents: CaseContentsService,
  ) {}

  @Get(':part/:partId/edit')
  async editPage(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('part') part: string,
    @Param('partId', ParseUUIDPipe) partId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.page(req, res, id, partOf(part), partId, null, []);
  }

  @Post(':part/:partId/edit')
  async save(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('part') part: string,
    @Param('partId', ParseUUIDPipe) partId: string,
    @Body() body: Posted,
    @Res() res: Response,
  ): Promise<void> {
    const which = partOf(part);
    let problems: FormProblem[];
    try {
      problems = await this.correct(which, id, partId, body, req);
    } catch (error) {
      problems = [refusalProblem(error, PARTS[which].fields)];
    }
    if (problems.length === 0)
      return res.redirect(
        303,
        `/cases/${id}?saved=${SAVED[PARTS[which].form as keyof typeof SAVED]}-changed#${PARTS[which].tab}`,
      );
    await this.page(req, res, id, which, partId, body, problems);
  }

  @Post(':part/:partId/remove')
  async remove(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('part') part: string,
    @Param('partId', ParseUUIDPipe) partId: string,
    @Res() res: Response,
  ): Promise<void> {
    const which = partOf(part);
    try {
      await this.contents.remove(id, PARTS[which].kind, partId, principalOf(req), req.id);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'subject_has_allegations')
        return res.redirect(303, `/cases/${id}?problem=subject-has-allegations#subjects`);
      throw error;
    }
    res.redirect(
      303,
      `/cases/${id}?saved=${SAVED[PARTS[which].form as keyof typeof SAVED]}-removed#${PARTS[which].tab}`,
    );
  }

  /**
   * Removing asks first, without script: the case page links here, and this page's button posts
   * the removal. Opening it (a reload, a typed link) removes nothing.
   */
  @Get(':part/:partId/remove')
  async confirmRemoval(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('part') part: string,
    @Param('partId', ParseUUIDPipe) partId: string,
    @Res() res: Response,
  ): Promise<void> {
    const which = partOf(part);
    const by = principalOf(req);
    const view = await this.cases.open(id, by, req.id);
    const removing = partToRemove(which, partId, await this.contents.contents(id, by, req.id));
    if (!removing) throw new NotFoundError(PARTS[which].kind.replace('_', ' '), partId);
    res.render('pages/case-part-remove', {
      title: removing.heading,
      active: 'cases',
      principal: req.principal,
      kase: view.case,
      removing,
      action: `/cases/${id}/${which}/${partId}/remove`,
      back: `/cases/${id}#${PARTS[which].tab}`,
    });
  }

  private async correct(which: Part, id: string, partId: string, body: Posted, req: AuthenticatedRequest) {
    const by = principalOf(req);
    if (which === 'subjects') {
      const { value, problems } = await readSubject(body);
      if (value) await this.contents.correctSubject(id, partId, value, by, req.id);
      return problems;
    }
    if (which === 'allegations') {
      const { value, problems } = await readAllegation(body);
      if (value) await this.contents.correctAllegation(id, partId, value, by, req.id);
      return problems;
    }
    const { value, problems } = await readConductItem(body);
    if (value) await this.contents.correctConductItem(id, partId, value, by, req.id);
    return problems;
  }

  private async page(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    which: Part,
    partId: string,
    posted: Posted | null,
    problems: FormProblem[],
  ): Promise<void> {
    const by = principalOf(req);
    const view = await this.cases.open(id, by, req.id);
    const contents = await this.contents.contents(id, by, req.id);
    const values = partValues(which, partId, contents);
    if (!values) throw new NotFoundError(PARTS[which].kind.replace('_', ' '), partId);
    const form = posted ?? values.posted;
    const formName = PARTS[which].form;
    res.status(problems.length ? 400 : 200).render('pages/case-part', {
      title: `${problems.length ? 'Error: ' : ''}${PARTS[which].title}`,
      active: 'cases',
      principal: req.principal,
      kase: view.case,
      part: formName,
      heading: PARTS[which].title,
      fromEvidence: values.fromEvidence,
      action: `/cases/${id}/${which}/${partId}/edit`,
      v: form,
      e: byField(problems),
      formErrors: problems.length ? problems : null,
      options: caseFormOptions((name) => (name === formName ? form : {}), contents.subjects),
    });
  }
}

function partOf(part: string): Part {
  if (!Object.hasOwn(PARTS, part)) throw new NotFoundError('page');
  return part as Part;
}

function principalOf(req: AuthenticatedRequest) {
  if (!req.principal) throw new Error('The case pages are for signed-in users only');
  return req.principal;
}
