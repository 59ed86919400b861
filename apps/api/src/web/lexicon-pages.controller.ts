import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { LexiconService, type LexiconEntry } from '@precedent/analytics';
import { CATEGORIES, TARGETS } from '@precedent/exchange';
import { auditContextOf, UsersService } from '@precedent/identity';
import { ConflictError } from '@precedent/platform';
import type { AuthenticatedRequest } from '../common/authenticated-request';
import { Roles } from '../common/roles.decorator';
import { words } from '../common/code-words';
import { errorsByField, one, principalOf, timeText, type Form, type FormError } from './form-fields';
import { readLexiconEntryForm } from './lexicon-entry.form';

/**
 * The term-assistance lexicon for administrators: every term (retired ones too), adding one, editing
 * or retiring one against the version shown, and its history; all through LexiconService, so each
 * edit is versioned and audited exactly as through the JSON API.
 */
@ApiExcludeController()
@Controller('admin/lexicon')
@Roles('admin')
export class LexiconPagesController {
  constructor(
    private readonly lexicon: LexiconService,
    private readonly users: UsersService,
  ) {}

  @Get()
  async list(@Req() req: AuthenticatedRequest, @Res() res: Response) {
    await this.renderList(req, res, 200, {}, null);
  }

  @Post()
  async create(@Req() req: AuthenticatedRequest, @Body() body: Form, @Res() res: Response) {
    const reading = readLexiconEntryForm(body);
    if (!reading.ok) return this.renderList(req, res, 400, body, reading.errors);
    const entry = await this.lexicon.create(reading.entry, auditContextOf(principalOf(req), req.id));
    res.redirect(303, `/admin/lexicon/${entry.id}?saved=created`);
  }

  @Get(':id')
  async entry(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ) {
    await this.renderEntry(req, res, id, 200, null, null);
  }

  @Post(':id')
  async update(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const reading = readLexiconEntryForm(body);
    if (!reading.ok) return this.renderEntry(req, res, id, 400, body, reading.errors);
    return this.change(req, res, id, body, { ...reading.entry }, 'updated');
  }

  @Post(':id/status')
  async status(
    @Req() req: AuthenticatedRequest,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: Form,
    @Res() res: Response,
  ) {
    const active = one(body.active) === 'yes';
    return this.change(req, res, id, body, { active }, active ? 'restored' : 'retired');
  }

  private async change(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    body: Form,
    changes: Partial<Parameters<LexiconService['update']>[1]>,
    saved: string,
  ) {
    const version = Number(one(body.version));
    try {
      await this.lexicon.update(id, { ...changes, version }, auditContextOf(principalOf(req), req.id));
      res.redirect(303, `/admin/lexicon/${id}?saved=${saved}`);
    } catch (error) {
      // someone else saved first: show their version, keep what this person typed
      if (error instanceof ConflictError)
        return this.renderEntry(req, res, id, 409, saved === 'updated' ? body : null, [
          {
            text: `${error.message} Your changes are still in the form: check them against the history below and save again.`,
            href: '#term',
          },
        ]);
      throw error;
    }
  }

  private async renderList(
    req: AuthenticatedRequest,
    res: Response,
    status: number,
    form: Form,
    errors: FormError[] | null,
  ) {
    const entries = await this.lexicon.list({ includeRetired: true });
    res.status(status).render('pages/admin-lexicon', {
      title: errors ? 'Error: Lexicon' : 'Lexicon',
      active: 'admin',
      principal: req.principal,
      errors,
      errorFor: errorsByField(errors),
      form,
      ...choices(one(form.category), one(form.target)),
      entries: entries.map(toEntryView),
      activeCount: entries.filter((entry) => entry.active).length,
    });
  }

  private async renderEntry(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    status: number,
    form: Form | null,
    errors: FormError[] | null,
  ) {
    // the history first: it answers 404 for an unknown id
    const [versions, entries, users] = await Promise.all([
      this.lexicon.versions(id),
      this.lexicon.list({ includeRetired: true }),
      this.users.list(),
    ]);
    const entry = entries.find((candidate) => candidate.id === id);
    if (!entry) return res.redirect(303, '/admin/lexicon');
    const names = new Map(users.map((user) => [user.id, user.username]));
    const values = form
      ? { term: one(form.term), category: one(form.category), target: one(form.target), note: one(form.note) }
      : { term: entry.term, category: entry.category, target: entry.target ?? '', note: entry.note };
    res.status(status).render('pages/admin-lexicon-entry', {
      title: `${errors ? 'Error: ' : ''}Lexicon term: ${entry.term}`,
      active: 'admin',
      principal: req.principal,
      errors,
      errorFor: errorsByField(errors),
      saved: typeof req.query.saved === 'string' ? req.query.saved : null,
      entry: toEntryView(entry),
      form: values,
      ...choices(values.category, values.target),
      versions: [...versions].reverse().map((version) => ({
        version: version.version,
        change: words(version.change),
        at: timeText(version.changedAt),
        by: version.changedBy
          ? (names.get(version.changedBy) ?? 'a former user')
          : 'Precedent (starting lexicon)',
        term: version.snapshot.term,
        category: words(version.snapshot.category),
        target: version.snapshot.target ? words(version.snapshot.target) : 'none',
        note: version.snapshot.note,
        active: version.snapshot.active,
      })),
    });
  }
}

function toEntryView(entry: LexiconEntry) {
  return {
    id: entry.id,
    term: entry.term,
    category: words(entry.category),
    target: entry.target ? words(entry.target) : 'none',
    note: entry.note,
    active: entry.active,
    version: entry.version,
    updatedAt: timeText(entry.updatedAt),
  };
}

function choices(category: string, target: string) {
  return {
    categories: [
      { value: '', text: 'Choose a category' },
      ...CATEGORIES.map((code) => ({ value: code, text: words(code), selected: code === category })),
    ],
    targets: [
      { value: '', text: 'None', selected: target === '' },
      ...TARGETS.map((code) => ({ value: code, text: words(code), selected: code === target })),
    ],
  };
}
