import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CaseAccessService, mayDecideAccess } from '@precedent/cases';
import { CASE_CONTENT_ROLES, ROLES, UsersService } from '@precedent/identity';
import { DomainError } from '@precedent/platform';
import { savedMessage } from './cases/case-messages';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { words } from '../common/code-words';
import { grantFormErrors, revokeFormErrors } from './case-grant.form';
import { errorsByField, principalOf, timeText, type Form, type FormError } from './form-fields';

/**
 * "Who may open this case": the case's restriction and its grants, for those who may open it and
 * for access managers; the appropriate authority and access managers give and revoke grants here.
 * Every read and change goes through CaseAccessService (access-checked, audited).
 */
@ApiExcludeController()
@Controller('cases/:id/access')
@Roles(...ROLES)
export class CaseAccessPagesController {
  constructor(
    private readonly access: CaseAccessService,
    private readonly users: UsersService,
  ) {}

  @Get()
  async page(@Req() req: AuthenticatedRequest, @Param('id') id: string, @Res() res: Response) {
    await this.render(req, res, id, 200, {}, null);
  }

  @Post('grants')
  @Roles('appropriate_authority', 'access_manager')
  async grant(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const { value, errors } = grantFormErrors(body);
    if (errors.length) return this.render(req, res, id, 400, body, errors);
    try {
      await this.access.grant(id, value, principalOf(req), req.id);
      res.redirect(303, `/cases/${id}/access?saved=access-granted#grants`);
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'invalid' || error.kind === 'conflict'))
        return this.render(req, res, id, 422, body, [{ text: error.message, href: '#userId' }]);
      throw error;
    }
  }

  @Post('grants/:grantId/revoke')
  @Roles('appropriate_authority', 'access_manager')
  async revoke(
    @Req() req: AuthenticatedRequest,
    @Param('id') id: string,
    @Param('grantId') grantId: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const { reason, errors } = revokeFormErrors(body, grantId);
    if (errors.length) return this.render(req, res, id, 400, {}, errors);
    try {
      await this.access.revoke(id, grantId, reason, principalOf(req), req.id);
      res.redirect(303, `/cases/${id}/access?saved=access-revoked#grants`);
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'invalid' || error.kind === 'conflict'))
        return this.render(req, res, id, 422, {}, [{ text: error.message, href: `#revoke-${grantId}` }]);
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
    const principal = principalOf(req);
    const view = await this.access.access(id, principal);
    const people = await this.users.list();
    const nameOf = new Map(people.map((user) => [user.id, `${user.displayName} (${user.username})`]));
    const mayDecide = mayDecideAccess(principal.roles);
    // a notice chosen by a code, never text from the address
    const done = savedMessage(req.query.saved);
    res.status(status).render('pages/case-access', {
      title: `${errors ? 'Error: ' : ''}Who may open ${view.reference}`,
      active: 'cases',
      principal: req.principal,
      errors,
      errorFor: errorsByField(errors),
      form,
      done: errors ? null : done,
      view: {
        ...view,
        investigator: view.assignedInvestigatorId
          ? (nameOf.get(view.assignedInvestigatorId) ?? 'Unknown')
          : 'Nobody',
      },
      mayDecide,
      grants: view.grants.map(({ grant, inForce }) => ({
        id: grant.id,
        who: nameOf.get(grant.userId) ?? 'Unknown',
        by: nameOf.get(grant.grantedBy) ?? 'Unknown',
        reason: grant.reason,
        until: grant.until,
        grantedAt: timeText(grant.grantedAt),
        state: inForce ? 'In force' : grant.revokedAt ? `Revoked: ${grant.revokeReason ?? ''}` : 'Ended',
        inForce,
      })),
      people: [
        { value: '', text: 'Choose a person' },
        ...people
          .filter(
            (user) =>
              !user.disabled &&
              user.id !== principal.userId &&
              user.roles.some((role) => CASE_CONTENT_ROLES.includes(role)),
          )
          .map((user) => ({
            value: user.id,
            text: `${user.displayName} (${user.roles.map(words).join(', ')})`,
            selected: form.userId === user.id,
          })),
      ],
    });
  }
}
