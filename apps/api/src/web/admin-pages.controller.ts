import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { auditContextOf, RoleApprovalsService, ROLES, UsersService } from '@precedent/identity';
import { DomainError } from '@precedent/platform';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { words } from '../common/code-words';
import { many, one, principalOf, type Form } from './form-fields';

/**
 * Administration in the staff web UI: users and their roles (list, create, disable and enable again)
 * through UsersService, each change audited as the API's are.
 */
@ApiExcludeController()
@Controller('admin')
@Roles('admin')
export class AdminPagesController {
  constructor(
    private readonly users: UsersService,
    private readonly approvals: RoleApprovalsService,
  ) {}

  @Get()
  async page(@Req() req: AuthenticatedRequest, @Res() res: Response) {
    await this.render(req, res, 200, {}, null);
  }

  @Post('users')
  async create(@Req() req: AuthenticatedRequest, @Body() body: Form, @Res() res: Response) {
    const roles = many(body.roles);
    const username = one(body.username).trim();
    const password = one(body.password);
    const errors: { text: string; href: string }[] = [];
    if (!username) errors.push({ text: 'Enter a username', href: '#username' });
    if (!password) errors.push({ text: 'Enter a first password', href: '#password' });
    if (roles.length === 0) errors.push({ text: 'Choose at least one role', href: '#roles' });
    if (errors.length) return this.render(req, res, 400, body, errors);
    try {
      await this.users.create(
        {
          username,
          password,
          roles,
          ...(one(body.displayName).trim() ? { displayName: one(body.displayName).trim() } : {}),
          team: one(body.team).trim() || null,
        },
        auditContextOf(principalOf(req), req.id),
      );
      res.redirect(303, '/admin#users');
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'invalid' || error.kind === 'conflict'))
        return this.render(req, res, 422, body, [
          { text: error.message, href: error.code === 'weak_password' ? '#password' : '#username' },
        ]);
      throw error;
    }
  }

  @Post('users/:id/access')
  async access(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const principal = principalOf(req);
    if (id === principal.userId)
      return this.render(req, res, 422, {}, [{ text: 'You cannot disable yourself', href: '#users' }]);
    await this.users.update(
      id,
      { disabled: one(body.disabled) === 'yes' },
      auditContextOf(principal, req.id),
    );
    res.redirect(303, '/admin#users');
  }

  /** A second administrator approves (or anyone refuses) a role that reads case content. */
  @Post('role-approvals/:id/:decision')
  async decide(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('decision') decision: string,
    @Res() res: Response,
  ) {
    if (decision !== 'approve' && decision !== 'refuse')
      return this.render(req, res, 404, {}, [{ text: 'There is no such decision', href: '#approvals' }]);
    try {
      await this.approvals.decide(id, decision === 'approve', auditContextOf(principalOf(req), req.id));
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'forbidden' || error.kind === 'not_found'))
        return this.render(req, res, error.kind === 'forbidden' ? 403 : 404, {}, [
          {
            text:
              error.kind === 'forbidden'
                ? error.message
                : 'That role is no longer waiting: another administrator has already decided',
            href: '#approvals',
          },
        ]);
      throw error;
    }
    res.redirect(303, '/admin#approvals');
  }

  private async render(
    req: AuthenticatedRequest,
    res: Response,
    status: number,
    form: Form,
    errors: { text: string; href: string }[] | null,
  ) {
    const users = await this.users.list();
    const awaiting = await this.approvals.awaitingFor(users.map((user) => user.id));
    const pending = await this.approvals.pending();
    const me = req.principal?.userId;
    res.status(status).render('pages/admin', {
      approvals: pending.map((a) => ({
        id: a.id,
        username: a.username,
        role: words(a.role),
        requestedBy: a.requestedByName,
        requestedAt: a.requestedAt.toISOString().slice(0, 16).replace('T', ' '),
        // the one who asked, or the user themselves, may only refuse (withdraw) it
        mayApprove: a.requestedBy !== me && a.userId !== me,
      })),
      title: 'Administration',
      active: 'admin',
      principal: req.principal,
      errors,
      errorFor: Object.fromEntries((errors ?? []).map((e) => [e.href.slice(1), { text: e.text }])),
      form,
      roles: ROLES.map((role) => ({
        value: role,
        text: words(role),
        checked: many(form.roles).includes(role),
      })),
      users: users.map((user) => ({
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        roles: user.roles.map(words).join(', '),
        awaiting: (awaiting.get(user.id) ?? []).map(words).join(', '),
        team: user.team ?? '',
        disabled: user.disabled,
        self: user.id === req.principal?.userId,
      })),
    });
  }
}
