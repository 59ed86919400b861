import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, type AuditContext } from '@precedent/audit';
import type { Category, Target } from '@precedent/exchange';
import { ConflictError, NotFoundError } from '@precedent/platform';
import { LexiconEntry } from './lexicon-entry.entity';
import { LexiconEntryVersion, type LexiconChange } from './lexicon-entry-version.entity';
import { suggestTerms, type TermSuggestions } from './term-suggestion.rules';

export interface LexiconEntryInput {
  term: string;
  category: Category;
  target?: Target | null;
  note?: string;
}

export interface LexiconEntryChanges extends Partial<LexiconEntryInput> {
  version: number;
  active?: boolean;
}

/** The managed lexicon: data edited by administrators, every edit versioned and audited. */
@Injectable()
export class LexiconService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(options: { includeRetired: boolean }): Promise<LexiconEntry[]> {
    return this.dataSource.getRepository(LexiconEntry).find({
      where: options.includeRetired ? {} : { active: true },
      order: { category: 'ASC', term: 'ASC' },
    });
  }

  async suggest(text: string): Promise<TermSuggestions> {
    const entries = await this.list({ includeRetired: false });
    return suggestTerms(text, entries);
  }

  async create(input: LexiconEntryInput, context: AuditContext): Promise<LexiconEntry> {
    return this.dataSource.transaction(async (em) => {
      const entry = await em.save(
        em.create(LexiconEntry, {
          term: input.term.trim(),
          category: input.category,
          target: input.target ?? null,
          note: input.note ?? '',
        }),
      );
      await this.recordVersion(em, entry, 'created', context);
      return entry;
    });
  }

  /** Applies changes made against `version`; a stale version is refused, losing nothing. */
  async update(id: string, changes: LexiconEntryChanges, context: AuditContext): Promise<LexiconEntry> {
    return this.dataSource.transaction(async (em) => {
      const entry = await em.findOne(LexiconEntry, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!entry) throw new NotFoundError('lexicon entry', id);
      if (entry.version !== changes.version) {
        throw new ConflictError(
          'stale_version',
          `The entry changed since version ${changes.version} (now ${entry.version}): reload it and apply your edit again.`,
          {
            currentVersion: entry.version,
          },
        );
      }
      const retiring = changes.active === false && entry.active;
      if (changes.term !== undefined) entry.term = changes.term.trim();
      if (changes.category !== undefined) entry.category = changes.category;
      if (changes.target !== undefined) entry.target = changes.target;
      if (changes.note !== undefined) entry.note = changes.note;
      if (changes.active !== undefined) entry.active = changes.active;
      const saved = await em.save(entry);
      await this.recordVersion(em, saved, retiring ? 'retired' : 'updated', context);
      return saved;
    });
  }

  async versions(id: string): Promise<LexiconEntryVersion[]> {
    const found = await this.dataSource.getRepository(LexiconEntry).existsBy({ id });
    if (!found) throw new NotFoundError('lexicon entry', id);
    return this.dataSource
      .getRepository(LexiconEntryVersion)
      .find({ where: { entryId: id }, order: { version: 'ASC' } });
  }

  private async recordVersion(
    em: EntityManager,
    entry: LexiconEntry,
    change: LexiconChange,
    context: AuditContext,
  ): Promise<void> {
    const snapshot = {
      term: entry.term,
      category: entry.category,
      target: entry.target,
      note: entry.note,
      active: entry.active,
    };
    await em.save(
      em.create(LexiconEntryVersion, {
        entryId: entry.id,
        version: entry.version,
        change,
        snapshot,
        changedBy: context.actorId,
      }),
    );
    await this.audit.record(em, context, {
      action: `lexicon.${change}`,
      entityType: 'lexicon_entry',
      entityId: entry.id,
      details: { version: entry.version },
    });
  }
}
