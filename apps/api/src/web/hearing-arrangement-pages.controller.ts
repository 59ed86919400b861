import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CasesService } from '@precedent/cases';
import { HearingsService, PanelPoolService, type Forum, type PanelMember } from '@precedent/hearings';
import { UsersService, type Principal } from '@precedent/identity';
import { Clock } from '@precedent/platform';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { words } from '../common/code-words';
import {
  AddPanelMemberDto,
  AddRelationshipDto,
  AvailabilityDto,
  CreateHearingDto,
  PANEL_ROLES,
} from '../hearings/hearing.dto';
import {
  checkAgainst,
  errorsByField,
  filled,
  many,
  one,
  refusalErrors,
  type FieldError,
  type Form,
} from './hearing-forms';

const CASEWORK = ['investigator', 'appropriate_authority'] as const;
const POOL_KEEPERS = ['admin', 'appropriate_authority'] as const;

/** The forum a referral names: the case's status decides it, as the hearings service does. */
const REFERRALS: Record<string, Forum> = {
  referred_to_meeting: 'misconduct_meeting',
  referred_to_hearing: 'misconduct_hearing',
  referred_to_accelerated_hearing: 'accelerated_hearing',
};
const FORUMS: Forum[] = ['misconduct_meeting', 'misconduct_hearing', 'accelerated_hearing'];
/** Ranks as the panel rules read them (superintendent or above mattered before 7 May 2024). */
const RANKS = [
  'constable',
  'sergeant',
  'inspector',
  'chief_inspector',
  'superintendent',
  'chief_superintendent',
  'chief_officer',
];

/**
 * Arranging hearings in the staff web UI: the meeting or hearing of a referred case, and the pool of
 * panel members with their roles, rank, relationships and unavailable days. Every change goes
 * through the services the API uses, so it is checked, access-controlled and audited the same way.
 * Registered before the hearing pages so that `/hearings/new` is not read as a hearing id.
 */
@ApiExcludeController()
@Controller('hearings')
export class HearingArrangementPagesController {
  constructor(
    private readonly cases: CasesService,
    private readonly hearings: HearingsService,
    private readonly pool: PanelPoolService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  @Get('new')
  @Roles(...CASEWORK)
  async arrange(@Req() req: AuthenticatedRequest, @Query('caseId') caseId: string, @Res() res: Response) {
    await this.renderArrange(req, res, 200, { caseId }, []);
  }

  @Post('new')
  @Roles(...CASEWORK)
  async create(@Req() req: AuthenticatedRequest, @Body() body: Form, @Res() res: Response) {
    const { value, errors } = await checkAgainst(
      CreateHearingDto,
      filled(body, ['caseId', 'documentsSuppliedOn']),
      {
        caseId: 'Open the case the hearing is for, and arrange it from there',
        documentsSuppliedOn: 'Enter the day the documents reached the officer, as YYYY-MM-DD',
      },
    );
    const caseKnown = !errors.some((e) => e.href === '#caseId');
    const referral = caseKnown ? await this.referralOf(req, value.caseId) : undefined;
    const forum = one(body.forum);
    if (!(FORUMS as string[]).includes(forum)) {
      errors.push({ text: 'Choose the forum', href: '#forum' });
    } else if (referral && forum !== referral) {
      errors.push({
        text: `This case is referred to a ${words(referral)}; to hold a ${words(forum)} instead, move the case on to that referral first.`,
        href: '#forum',
      });
    }
    if (errors.length) return this.renderArrange(req, res, 400, body, errors);
    try {
      const hearing = await this.hearings.create(value, principalOf(req), req.id);
      res.redirect(303, `/hearings/${hearing.id}`);
    } catch (error) {
      const refused = refusalErrors(error, '#documentsSuppliedOn', {
        documentsSuppliedOn: 'documentsSuppliedOn',
      });
      if (!refused) throw error;
      return this.renderArrange(req, res, 422, body, refused);
    }
  }

  @Get('panel-members')
  @Roles('admin', ...CASEWORK)
  async members(@Req() req: AuthenticatedRequest, @Res() res: Response) {
    await this.renderPool(req, res, 200, {}, []);
  }

  @Post('panel-members')
  @Roles(...POOL_KEEPERS)
  async addMember(@Req() req: AuthenticatedRequest, @Body() body: Form, @Res() res: Response) {
    const days = dayList(one(body.unavailableOn));
    const { value, errors } = await checkAgainst(
      AddPanelMemberDto,
      { ...filled(body, ['name', 'rank']), roles: many(body.roles), unavailableOn: days },
      {
        name: 'Enter the member’s name, in 2 to 200 characters',
        roles: 'Choose at least one panel role',
        rank: 'Choose the rank',
        unavailableOn: 'Enter the days they cannot sit as dates (YYYY-MM-DD), separated by commas',
      },
    );
    const username = one(body.username).trim();
    if (username) {
      const user = await this.users.findByUsername(username);
      if (user) value.userId = user.id;
      else errors.push({ text: `No user is called ${username}: check the username`, href: '#username' });
    }
    if (errors.length) return this.renderPool(req, res, 400, body, errors);
    try {
      await this.pool.add(value, principalOf(req), req.id);
      res.redirect(303, '/hearings/panel-members#members');
    } catch (error) {
      // a police member without a rank names the rank; the other refusal is an account already in the pool
      const refused = refusalErrors(error, '#username', { rank: 'rank' });
      if (!refused) throw error;
      return this.renderPool(req, res, 422, body, refused);
    }
  }

  @Post('panel-members/:id/relationships')
  @Roles(...POOL_KEEPERS)
  async relationship(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const ids = { force: `force-${id}`, staffNumber: `staffNumber-${id}`, description: `description-${id}` };
    const { value, errors } = await checkAgainst(
      AddRelationshipDto,
      { kind: 'line_manages', ...filled(body, ['force', 'staffNumber', 'description']) },
      { description: 'Say what the relationship is, in at least 3 characters' },
      ids,
    );
    if (!value.force)
      errors.push({ text: 'Enter the force of the officer they manage', href: `#${ids.force}` });
    if (!value.staffNumber)
      errors.push({ text: 'Enter the staff number of the officer they manage', href: `#${ids.staffNumber}` });
    if (errors.length) return this.renderPool(req, res, 400, { ...body, memberId: id }, errors);
    try {
      await this.pool.addRelationship(id, value, principalOf(req), req.id);
      res.redirect(303, `/hearings/panel-members#member-${id}`);
    } catch (error) {
      const refused = refusalErrors(error, `#${ids.force}`);
      if (!refused) throw error;
      return this.renderPool(req, res, 422, { ...body, memberId: id }, refused);
    }
  }

  @Post('panel-members/:id/availability')
  @Roles(...POOL_KEEPERS)
  async availability(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const field = `unavailableOn-${id}`;
    const { value, errors } = await checkAgainst(
      AvailabilityDto,
      { unavailableOn: dayList(one(body.unavailableOn)) },
      { unavailableOn: 'Enter the days they cannot sit as dates (YYYY-MM-DD), separated by commas' },
      { unavailableOn: field },
    );
    if (errors.length) return this.renderPool(req, res, 400, { ...body, memberId: id }, errors);
    try {
      await this.pool.setAvailability(id, value.unavailableOn, principalOf(req), req.id);
      res.redirect(303, `/hearings/panel-members#member-${id}`);
    } catch (error) {
      const refused = refusalErrors(error, `#${field}`);
      if (!refused) throw error;
      return this.renderPool(req, res, 422, { ...body, memberId: id }, refused);
    }
  }

  /** The forum the case is referred to, or undefined when it is not referred (the service says so). */
  private async referralOf(req: AuthenticatedRequest, caseId: string): Promise<Forum | undefined> {
    const view = await this.cases.open(caseId, principalOf(req), req.id);
    return REFERRALS[view.case.status];
  }

  private async renderArrange(
    req: AuthenticatedRequest,
    res: Response,
    status: number,
    form: Form,
    errors: FieldError[],
  ) {
    const caseId = one(form.caseId);
    const kase = (await this.cases.open(caseId, principalOf(req), req.id)).case;
    const referral = REFERRALS[kase.status];
    const chosen = one(form.forum) || referral;
    res.status(status).render('pages/hearing-new', {
      title: `Arrange a hearing: ${kase.reference}`,
      active: 'hearings',
      principal: req.principal,
      errors: errors.length ? errors : null,
      errorFor: errorsByField(errors),
      kase: { id: kase.id, reference: kase.reference, statusText: words(kase.status) },
      referral: referral ? words(referral) : null,
      forums: FORUMS.map((forum) => ({
        value: forum,
        text: capitalised(words(forum)),
        checked: forum === chosen,
      })),
      form: { documentsSuppliedOn: one(form.documentsSuppliedOn), today: this.clock.today() },
    });
  }

  private async renderPool(
    req: AuthenticatedRequest,
    res: Response,
    status: number,
    form: Form,
    errors: FieldError[],
  ) {
    const principal = principalOf(req);
    const members = await this.pool.list();
    const relationships = await this.pool.relationshipsOf(members.map((m) => m.id));
    const accounts = await this.users.findMany(members.flatMap((m) => (m.userId ? [m.userId] : [])));
    const usernames = new Map(accounts.map((u) => [u.id, u.username]));
    const memberId = one(form.memberId);
    const rank = one(form.rank);
    res.status(status).render('pages/panel-members', {
      title: 'Panel member pool',
      active: 'hearings',
      principal: req.principal,
      errors: errors.length ? errors : null,
      errorFor: errorsByField(errors),
      mayKeep: POOL_KEEPERS.some((role) => principal.roles.includes(role)),
      members: members.map((member: PanelMember) => {
        const resubmitted = member.id === memberId;
        return {
          id: member.id,
          name: member.name,
          rolesText: member.roles.map(words).join(', '),
          rank: member.rank ? words(member.rank) : '',
          username: member.userId ? (usernames.get(member.userId) ?? '') : '',
          unavailable:
            resubmitted && form.unavailableOn !== undefined
              ? one(form.unavailableOn)
              : member.unavailableOn.join(', '),
          relationships: relationships
            .filter((r) => r.panelMemberId === member.id)
            .map((r) =>
              r.kind === 'line_manages'
                ? `Line-manages ${r.force} ${r.staffNumber}: ${r.description ?? ''}`
                : `Took part in a case: ${r.description ?? ''}`,
            ),
          form: resubmitted
            ? {
                force: one(form.force),
                staffNumber: one(form.staffNumber),
                description: one(form.description),
              }
            : {},
        };
      }),
      form: memberId
        ? {}
        : { name: one(form.name), username: one(form.username), unavailableOn: one(form.unavailableOn) },
      roles: PANEL_ROLES.map((role) => ({
        value: role,
        text: capitalised(words(role)),
        checked: !memberId && many(form.roles).includes(role),
      })),
      ranks: [
        { value: '', text: 'Not a police officer', selected: !rank },
        ...RANKS.map((code) => ({ value: code, text: capitalised(words(code)), selected: code === rank })),
      ],
    });
  }
}

function principalOf(req: AuthenticatedRequest): Principal {
  if (!req.principal) throw new Error('The hearing pages are for signed-in users only');
  return req.principal;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Days typed as a list, commas, spaces or new lines between them; what is not a date is left for the DTO to refuse. */
function dayList(text: string): string[] {
  return text.split(/[\s,;]+/).filter((day) => day.length > 0);
}
