/** Who is acting and in which request: passed from the delivery layer into every audited call. */
export interface AuditContext {
  actorId: string | null;
  actorName: string | null;
  requestId: string | null;
}

/** Work done by the system itself (a job, the CLI without a signed-in user). */
export function systemContext(name: string, requestId: string | null = null): AuditContext {
  return { actorId: null, actorName: `system:${name}`, requestId };
}
