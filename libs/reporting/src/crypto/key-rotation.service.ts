import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, systemContext } from '@precedent/audit';
import { ReportSealing } from '../reports/report-sealing';

const BATCH = 200;

/** What is sealed, and the context each value is bound to (see ReportSealing). */
const SEALED_TABLES = [
  { name: 'reports', table: 'anonymous_reports', key: 'id', context: `'report:' || id` },
  {
    name: 'messages',
    table: 'anonymous_report_messages',
    key: 'id',
    context: `'report-message:' || report_id || ':' || author`,
  },
  {
    name: 'attachments',
    table: 'anonymous_report_attachments',
    key: 'id',
    context: `'report-attachment:' || report_id || ':' || id`,
  },
] as const;

export type SealedKind = (typeof SEALED_TABLES)[number]['name'];

export interface RotationProgress {
  kind: SealedKind;
  done: number;
  total: number;
}

export type RotationResult = Record<SealedKind, { resealed: number; alreadyCurrent: number }> & {
  keyId: string;
};

/**
 * Re-seals every report, message and attachment not sealed with the current key. Batches commit one
 * by one with their rows locked, so a run stopped half way keeps what it did and the next run goes
 * on from there; a run with nothing left to do changes nothing. A value sealed with a key that is
 * no longer configured stops the run, naming the key id, without touching it.
 */
@Injectable()
export class ReportKeyRotation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sealing: ReportSealing,
    private readonly audit: AuditService,
  ) {}

  async rotate(onProgress: (progress: RotationProgress) => void = () => undefined): Promise<RotationResult> {
    const keyId = this.sealing.currentKeyId;
    const current = Buffer.from(keyId, 'hex');
    const result = { keyId } as RotationResult;
    for (const spec of SEALED_TABLES) {
      const [counts] = (await this.dataSource.query(
        `SELECT count(*) FILTER (WHERE substring(sealed FROM 2 FOR 8) <> $1)::int AS stale,
                count(*) FILTER (WHERE substring(sealed FROM 2 FOR 8) = $1)::int AS current
           FROM ${spec.table}`,
        [current],
      )) as { stale: number; current: number }[];
      let done = 0;
      onProgress({ kind: spec.name, done, total: counts.stale });
      for (;;) {
        const resealed = await this.dataSource.transaction(async (em) => {
          const rows = (await em.query(
            `SELECT ${spec.key}::text AS key, sealed, ${spec.context} AS context FROM ${spec.table}
              WHERE substring(sealed FROM 2 FOR 8) <> $1
              ORDER BY ${spec.key} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
            [current],
          )) as { key: string; sealed: Buffer; context: string }[];
          for (const row of rows)
            await em.query(`UPDATE ${spec.table} SET sealed = $2 WHERE ${spec.key} = $1`, [
              row.key,
              this.sealing.reseal(row.sealed, row.context),
            ]);
          return rows.length;
        });
        if (resealed === 0) break;
        done += resealed;
        onProgress({ kind: spec.name, done, total: Math.max(done, counts.stale) });
      }
      result[spec.name] = { resealed: done, alreadyCurrent: counts.current };
    }
    await this.audit.recordNow(systemContext('reporting-rotate-keys'), {
      action: 'reporting.keys_rotated',
      entityType: 'reporting_key',
      entityId: keyId,
      details: {
        reports: result.reports.resealed,
        messages: result.messages.resealed,
        attachments: result.attachments.resealed,
      },
    });
    return result;
  }
}
