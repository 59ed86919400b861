import { useOfForceTest } from '../law/amendments.rules';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@precedent/audit';
import { auditContextOf, type Principal } from '@precedent/identity';
import { Clock, ConflictError, InvalidInputError, NotFoundError } from '@precedent/platform';
import { contentsEditable } from '../cases/case-actions.rules';
import { findOpenableCase } from '../cases/openable-case';
import { CaseEvent } from '../cases/case-event.entity';
import { reviewIopcCriteria } from '../cases/iopc-criteria';
import { detectDuplicates, duplicateWarnings } from './possible-duplicates';
import type { DuplicateWarning } from './duplicate.rules';
import { Allegation } from './allegation.entity';
import { ConductItem } from './conduct-item.entity';
import type {
  Audience,
  Category,
  Participation,
  Platform,
  Standard,
  SubjectRole,
  Target,
} from './exchange-values';
import { Subject } from './subject.entity';

export interface AddSubjectInput {
  name: string;
  staffNumber: string;
  role: SubjectRole;
  rank?: string;
  force: string;
  serviceStart?: string;
  formerOfficer?: boolean;
  /** Where notices to the officer are emailed. */
  email?: string;
}

export interface AddAllegationInput {
  subjectId: string;
  standards: Standard[];
  description: string;
  /** When the conduct happened (YYYY-MM-DD), when known. */
  conductOn?: string;
}

/** Evidence a conduct item was promoted from; the evidence library fills it in and checks it. */
export interface ConductItemSource {
  evidenceId: string;
  archivePostId: string | null;
  sha256: string;
  locator: Record<string, unknown>;
}

export interface AddConductItemInput {
  platform: Platform;
  audience: Audience;
  audienceSize?: number;
  text: string;
  postedAt?: string;
  url?: string;
  categories: Category[];
  targets?: Target[];
  offDuty?: boolean;
  identifiableAsPolice?: boolean;
  participation?: Participation;
  messageCount?: number;
  source?: ConductItemSource;
}

/** Something added to a case, with the case's possible duplicates as they stand after it. */
export interface Added<T> {
  created: T;
  warnings: DuplicateWarning[];
}

/** Who and what a case is about: subjects, allegations and the conduct items at issue. */
@Injectable()
export class CaseContentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async addSubject(
    caseId: string,
    input: AddSubjectInput,
    by: Principal,
    requestId: string,
  ): Promise<Added<Subject>> {
    return this.withWarnings(
      caseId,
      by,
      this.write(caseId, by, requestId, 'subject', async (em) =>
        em.save(
          em.create(Subject, {
            caseId,
            name: input.name,
            staffNumber: input.staffNumber,
            role: input.role,
            rank: input.rank ?? null,
            force: input.force,
            serviceStart: input.serviceStart ?? null,
            formerOfficer: input.formerOfficer ?? false,
            email: input.email?.trim() || null,
          }),
        ),
      ),
    );
  }

  addAllegation(
    caseId: string,
    input: AddAllegationInput,
    by: Principal,
    requestId: string,
  ): Promise<Allegation> {
    return this.write(caseId, by, requestId, 'allegation', async (em) => {
      const subject = await em.findOneBy(Subject, { id: input.subjectId, caseId });
      if (!subject) {
        throw new InvalidInputError(
          'unknown_subject',
          'subjectId is not a subject of this case: add the subject first.',
          {
            fields: [{ field: 'subjectId', message: 'not a subject of this case' }],
          },
        );
      }
      return em.save(
        em.create(Allegation, {
          caseId,
          subjectId: input.subjectId,
          standards: [...new Set(input.standards)],
          description: input.description,
          conductOn: input.conductOn ?? null,
          // the allegation says which use-of-force test applies (30 June 2026 change)
          useOfForceTest: input.standards.includes('use_of_force') ? useOfForceTest(input.conductOn) : null,
        }),
      );
    });
  }

  /**
   * `alsoInTransaction` lets the caller record its side of the change (the evidence custody log
   * for a promotion) in the same transaction as the item.
   */
  async addConductItem(
    caseId: string,
    input: AddConductItemInput,
    by: Principal,
    requestId: string,
    alsoInTransaction?: (em: EntityManager, item: ConductItem) => Promise<void>,
  ): Promise<Added<ConductItem>> {
    return this.withWarnings(
      caseId,
      by,
      this.write(caseId, by, requestId, 'conduct_item', async (em) => {
        const item = await em.save(
          em.create(ConductItem, {
            caseId,
            platform: input.platform,
            audience: input.audience,
            audienceSize: input.audienceSize ?? null,
            text: input.text,
            postedAt: input.postedAt ? new Date(input.postedAt) : null,
            url: input.url ?? null,
            categories: [...new Set(input.categories)],
            targets: [...new Set(input.targets ?? [])],
            offDuty: input.offDuty ?? null,
            identifiableAsPolice: input.identifiableAsPolice ?? null,
            participation: input.participation ?? 'author',
            messageCount: input.messageCount ?? null,
            sourceEvidenceId: input.source?.evidenceId ?? null,
            sourceArchivePostId: input.source?.archivePostId ?? null,
            sourceSha256: input.source?.sha256 ?? null,
            sourceLocator: input.source?.locator ?? null,
          }),
        );
        await alsoInTransaction?.(em, item);
        return item;
      }),
    );
  }

  /** Corrects a subject while the case is open to changes (case-actions.rules). */
  correctSubject(caseId: string, id: string, input: AddSubjectInput, by: Principal, requestId: string) {
    return this.change(caseId, 'subject', id, by, requestId, async (em) => {
      const subject = await this.part(em, Subject, caseId, id, 'subject');
      Object.assign(subject, {
        name: input.name,
        staffNumber: input.staffNumber,
        role: input.role,
        rank: input.rank ?? null,
        force: input.force,
        serviceStart: input.serviceStart ?? null,
        formerOfficer: input.formerOfficer ?? false,
      });
      await em.save(subject);
    });
  }

  correctAllegation(caseId: string, id: string, input: AddAllegationInput, by: Principal, requestId: string) {
    return this.change(caseId, 'allegation', id, by, requestId, async (em) => {
      const allegation = await this.part(em, Allegation, caseId, id, 'allegation');
      if (!(await em.findOneBy(Subject, { id: input.subjectId, caseId }))) {
        throw new InvalidInputError('unknown_subject', 'Choose one of the subjects on this case.', {
          fields: [{ field: 'subjectId', message: 'not a subject of this case' }],
        });
      }
      Object.assign(allegation, {
        subjectId: input.subjectId,
        standards: [...new Set(input.standards)],
        description: input.description,
      });
      await em.save(allegation);
    });
  }

  /** A conduct item taken from evidence keeps the evidence's words: only its classification changes. */
  correctConductItem(
    caseId: string,
    id: string,
    input: Omit<AddConductItemInput, 'source'>,
    by: Principal,
    requestId: string,
  ) {
    return this.change(caseId, 'conduct_item', id, by, requestId, async (em) => {
      const item = await this.part(em, ConductItem, caseId, id, 'conduct item');
      const fromEvidence = item.sourceEvidenceId !== null;
      Object.assign(item, {
        ...(fromEvidence ? {} : { platform: input.platform, text: input.text }),
        audience: input.audience,
        audienceSize: input.audienceSize ?? null,
        postedAt: input.postedAt ? new Date(input.postedAt) : fromEvidence ? item.postedAt : null,
        url: input.url ?? null,
        categories: [...new Set(input.categories)],
        targets: [...new Set(input.targets ?? [])],
        offDuty: input.offDuty ?? null,
        identifiableAsPolice: input.identifiableAsPolice ?? null,
        participation: input.participation ?? 'author',
        messageCount: input.messageCount ?? null,
      });
      await em.save(item);
    });
  }

  /** Removes a subject (with no allegations left), an allegation or a conduct item, audited. */
  remove(
    caseId: string,
    kind: 'subject' | 'allegation' | 'conduct_item',
    id: string,
    by: Principal,
    requestId: string,
  ): Promise<void> {
    return this.change(
      caseId,
      kind,
      id,
      by,
      requestId,
      async (em) => {
        const entity: new () => object =
          kind === 'subject' ? Subject : kind === 'allegation' ? Allegation : ConductItem;
        await this.part(em, entity, caseId, id, kind.replace('_', ' '));
        if (kind === 'subject' && (await em.countBy(Allegation, { caseId, subjectId: id })) > 0) {
          throw new ConflictError(
            'subject_has_allegations',
            'Remove the allegations against this person first, or move them to another subject.',
          );
        }
        await em.delete(entity, { id, caseId });
      },
      'removed',
    );
  }

  /** Everything on the case the person may open; the read is audited. */
  async contents(
    caseId: string,
    by: Principal,
    requestId: string,
  ): Promise<{ subjects: Subject[]; allegations: Allegation[]; conductItems: ConductItem[] }> {
    await findOpenableCase(this.dataSource.manager, caseId, by, false, this.clock.today());
    await this.audit.recordNow(auditContextOf(by, requestId), {
      action: 'case.contents.read',
      entityType: 'case',
      entityId: caseId,
    });
    const [subjects, allegations, conductItems] = await Promise.all([
      this.dataSource.getRepository(Subject).find({ where: { caseId }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(Allegation).find({ where: { caseId }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(ConductItem).find({ where: { caseId }, order: { createdAt: 'ASC' } }),
    ]);
    return { subjects, allegations, conductItems };
  }

  private async withWarnings<T>(caseId: string, by: Principal, written: Promise<T>): Promise<Added<T>> {
    const created = await written;
    return {
      created,
      warnings: await duplicateWarnings(this.dataSource.manager, caseId, by, this.clock.today()),
    };
  }

  /** The contents inside the caller's transaction, for a lib that has already checked access and audits its own use. */
  async contentsIn(
    em: EntityManager,
    caseId: string,
  ): Promise<{ subjects: Subject[]; allegations: Allegation[]; conductItems: ConductItem[] }> {
    // one after another: a transaction is one connection, which runs one query at a time
    const order = { createdAt: 'ASC', id: 'ASC' } as const;
    const subjects = await em.getRepository(Subject).find({ where: { caseId }, order });
    const allegations = await em.getRepository(Allegation).find({ where: { caseId }, order });
    const conductItems = await em.getRepository(ConductItem).find({ where: { caseId }, order });
    return { subjects, allegations, conductItems };
  }

  private async part<T extends object>(
    em: EntityManager,
    entity: new () => T,
    caseId: string,
    id: string,
    what: string,
  ): Promise<T> {
    const found = await em.getRepository(entity).findOneBy({ id, caseId } as never);
    if (!found) throw new NotFoundError(what, id);
    return found;
  }

  /** One correction or removal: the case locked and open to changes, the timeline and the audit written. */
  private change(
    caseId: string,
    kind: 'subject' | 'allegation' | 'conduct_item',
    id: string,
    by: Principal,
    requestId: string,
    apply: (em: EntityManager) => Promise<void>,
    how: 'changed' | 'removed' = 'changed',
  ): Promise<void> {
    return this.dataSource.transaction(async (em) => {
      const kase = await findOpenableCase(em, caseId, by, true, this.clock.today());
      if (!contentsEditable(kase.status)) {
        throw new ConflictError(
          'contents_closed',
          'The case is closed or withdrawn: its subjects, allegations and conduct items can no longer be changed.',
        );
      }
      await apply(em);
      await em.insert(CaseEvent, { caseId, actorId: by.userId, kind: `${kind}_${how}`, reason: null });
      if (how === 'changed' && kind !== 'subject') await reviewIopcCriteria(em, kase, by.userId);
      if (how === 'changed' && kind === 'conduct_item') await detectDuplicates(em, caseId, id);
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: `case.${kind}.${how === 'changed' ? 'change' : 'remove'}`,
        entityType: 'case',
        entityId: caseId,
        details: { [`${kind === 'conduct_item' ? 'conductItem' : kind}Id`]: id },
      });
    });
  }

  private write<T extends { id: string }>(
    caseId: string,
    by: Principal,
    requestId: string,
    kind: 'subject' | 'allegation' | 'conduct_item',
    create: (em: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      // locked: the criteria review below reads and updates the case
      const kase = await findOpenableCase(em, caseId, by, true, this.clock.today());
      const created = await create(em);
      await em.insert(CaseEvent, { caseId, actorId: by.userId, kind: `${kind}_added`, reason: null });
      const criteria = kind === 'subject' ? [] : await reviewIopcCriteria(em, kase, by.userId);
      if (kind !== 'allegation')
        await detectDuplicates(em, caseId, kind === 'conduct_item' ? created.id : undefined);
      await this.audit.record(em, auditContextOf(by, requestId), {
        action: `case.${kind}.add`,
        entityType: 'case',
        entityId: caseId,
        details: {
          [`${kind}Id`]: created.id,
          ...(criteria.length ? { iopcCriteria: criteria.map((c) => c.criterion) } : {}),
        },
      });
      return created;
    });
  }
}
