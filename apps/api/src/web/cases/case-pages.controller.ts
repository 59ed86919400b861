import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CaseContentsService, CasesService } from '@precedent/cases';
import { ROLES } from '@precedent/identity';
import { DomainError } from '@precedent/platform';
import type { AuthenticatedRequest } from '../../common/authenticated-request';
import { Roles } from '../../common/roles.decorator';
import { AssessmentDto } from '../../cases/case-commands.dto';
import {
  ALLEGATION_FIELDS,
  ASSESSMENT_FIELDS,
  assessmentInput,
  byField,
  CONDUCT_FIELDS,
  type FieldSpec,
  type FormProblem,
  type Posted,
  SUBJECT_FIELDS,
  validateForm,
} from '../case-forms';
import { CASE_PAGE_NOTICES, casePageNotice } from '../page-notices';
import type { CaseFormName } from './case-form-options';
import { readAllegation, readConductItem, readSubject, refusalProblem } from './case-part.forms';
import { CasePageView } from './case-page.view';

const FORM_FIELDS: Record<CaseFormName, Record<string, FieldSpec>> = {
  subject: SUBJECT_FIELDS,
  allegation: ALLEGATION_FIELDS,
  conduct: CONDUCT_FIELDS,
  assessment: ASSESSMENT_FIELDS,
};

/**
 * The case page and the forms on it that add to the case: subjects, allegations, conduct items
 * and the severity assessment. The forms validate with the JSON API's DTOs and write through the
 * same services; a refused form shows the page again with its errors and what was typed.
 */
@ApiExcludeController()
@Controller('cases')
@Roles(...ROLES)
export class CasePagesController {
  constructor(
    private readonly cases: CasesService,
    private readonly contents: CaseContentsService,
    private readonly view: CasePageView,
  ) {}

  @Get(':id')
  async page(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Query('notice') code: unknown,
    @Res() res: Response,
  ) {
    // only sentences the server holds, chosen by a code: the address never carries text to show
    const notice = casePageNotice(code);
    const upload = notice?.title === CASE_PAGE_NOTICES['upload-refused'].title;
    await this.view.show(req, res, id, {
      uploadError: notice && upload ? notice.text : null,
    });
  }

  @Post(':id/subjects')
  @Roles('investigator', 'appropriate_authority')
  async addSubject(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Body() body: Posted,
    @Res() res: Response,
  ) {
    await this.submit(req, res, id, { name: 'subject', tab: 'subjects', body }, async () => {
      const { value, problems } = await readSubject(body);
      if (value) await this.contents.addSubject(id, value, principalOf(req), req.id);
      return problems;
    });
  }

  @Post(':id/allegations')
  @Roles('investigator', 'appropriate_authority')
  async addAllegation(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Body() body: Posted,
    @Res() res: Response,
  ) {
    await this.submit(req, res, id, { name: 'allegation', tab: 'subjects', body }, async () => {
      const { value, problems } = await readAllegation(body);
      if (value) await this.contents.addAllegation(id, value, principalOf(req), req.id);
      return problems;
    });
  }

  @Post(':id/conduct-items')
  @Roles('investigator', 'appropriate_authority')
  async addConductItem(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Body() body: Posted,
    @Res() res: Response,
  ) {
    await this.submit(req, res, id, { name: 'conduct', tab: 'conduct', body }, async () => {
      const { value, problems } = await readConductItem(body);
      if (value) await this.contents.addConductItem(id, value, principalOf(req), req.id);
      return problems;
    });
  }

  @Post(':id/assessment')
  @Roles('appropriate_authority')
  async assess(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Body() body: Posted,
    @Res() res: Response,
  ) {
    const input = assessmentInput(body);
    await this.submit(req, res, id, { name: 'assessment', tab: 'assessment', body }, async () => {
      const { value, problems } = await validateForm(
        AssessmentDto,
        input,
        ASSESSMENT_FIELDS,
        'assessment-severity',
      );
      if (problems.length) return problems;
      await this.cases.assess(id, value, principalOf(req), req.id);
      return [];
    });
  }

  /**
   * One form of the case page: done, it goes back to the form's tab (post, redirect, get); refused,
   * the page comes back with the error summary, the field errors and what was typed, saving nothing.
   */
  private async submit(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    form: { name: CaseFormName; tab: string; body: Posted },
    save: () => Promise<FormProblem[]>,
  ): Promise<void> {
    let problems: FormProblem[];
    let status = 400;
    try {
      problems = await save();
    } catch (error) {
      problems = [refusalProblem(error, FORM_FIELDS[form.name])];
      if (error instanceof DomainError && error.kind === 'conflict') status = 409;
    }
    if (problems.length === 0) return res.redirect(303, `/cases/${id}?saved=${form.name}#${form.tab}`);
    await this.view.show(req, res, id, {
      status,
      form: { name: form.name, values: form.body, errors: problems, fieldErrors: byField(problems) },
    });
  }
}

function principalOf(req: AuthenticatedRequest) {
  if (!req.principal) throw new Error('The case pages are for signed-in users only');
  return req.principal;
}
