import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import {
  ComparablesService,
  excerptWindow,
  findPassages,
  LexiconService,
  suggestTerms,
} from '@precedent/analytics';
import { AuditService } from '@precedent/audit';
import {
  CASE_STATUSES,
  CaseContentsService,
  caseProfile,
  CasesService,
  FORCES,
  forumForReferral,
  needsArticle10Balancing,
  type CaseStatus,
} from '@precedent/cases';
import { EvidenceService } from '@precedent/evidence';
import { HearingsService, OUTCOME_LABELS, OutcomesService } from '@precedent/hearings';
import { auditContextOf } from '@precedent/identity';
import { InboxService } from '@precedent/reporting';
import type { AuthenticatedRequest } from '../../common/authenticated-request';
import { words } from '../../common/code-words';
import { whyComparable } from '../analytics-pages.controller';
import { presentOtherWay } from '../analytics/other-way.presenter';
import type { FormProblem, Posted } from '../case-forms';
import { markedHtml, searchedMarks, termMarks } from '../marked-text';
import { DEADLINE_LABELS } from '../my-work.controller';
import { caseFormOptions, type CaseFormName } from './case-form-options';
import { problemMessage, savedMessage } from './case-messages';
import { STATUS_COLOURS } from './case-status';
import { postedAtText } from './posted-at';

const AUDIT_ROWS = 200;

/**
 * The case page, the investigator's workspace in tabs: summary and status (allowed transitions as
 * buttons), subjects and allegations, conduct items with term-assistance highlights, evidence,
 * assessment with comparables, hearing, outcome, timeline and (for those allowed) audit. Every
 * read goes through the services, so it is access-checked and audited exactly as the API's.
 * Shown by the case page's GET and again, with the errors, by any of its refused forms.
 */
@Injectable()
export class CasePageView {
  constructor(
    private readonly cases: CasesService,
    private readonly contents: CaseContentsService,
    private readonly lexicon: LexiconService,
    private readonly comparables: ComparablesService,
    private readonly evidence: EvidenceService,
    private readonly hearings: HearingsService,
    private readonly outcomes: OutcomesService,
    private readonly audit: AuditService,
    private readonly inbox: InboxService,
  ) {}

  /** Renders the case page; `form` is a refused form to show again with its errors. */
  async show(
    req: AuthenticatedRequest,
    res: Response,
    id: string,
    extra: {
      status?: number;
      uploadError?: string | null;
      form?: {
        name: CaseFormName;
        values: Posted;
        errors: FormProblem[];
        fieldErrors: Record<string, string>;
      };
    },
  ): Promise<void> {
    const principal = principalOf(req);
    const view = await this.cases.open(id, principal, req.id);
    const kase = view.case;
    const mayAudit = principal.roles.includes('admin');
    const [contents, timeline, evidence, audit] = await Promise.all([
      this.contents.contents(id, principal, req.id),
      this.cases.timeline(id, principal, req.id),
      this.evidence.listWithText(id, principal, req.id),
      mayAudit ? this.caseAudit(id, req) : Promise.resolve(null),
    ]);
    // Arranging a hearing and recording an outcome are on the timeline: only then are they read
    // (each read opens the case again, audited), so an early case's page costs no extra reads.
    const happened = new Set(timeline.map((event) => event.kind));
    const [hearings, outcomes, anonymousReportId] = await Promise.all([
      happened.has('hearing_created') ? this.hearings.forCase(id, principal, req.id) : [],
      happened.has('outcome_recorded') ? this.outcomes.forCase(id, principal, req.id) : [],
      happened.has('anonymous_report_linked') ? this.inbox.reportOfCase(id, principal) : null,
    ]);
    const may = this.cases.permissionsFor(kase, principal);
    const next = may.transitions;
    const refused = typeof req.query.refused === 'string' ? req.query.refused : '';
    const transitionProblem = (CASE_STATUSES as readonly string[]).includes(refused)
      ? {
          text:
            this.cases.whyNot(kase, refused as CaseStatus, principal) ??
            'The case has moved on since: check its status.',
          href: '#to',
        }
      : problemMessage(req.query.problem);
    // The lexicon is read once for the page, not once per comment.
    const lexicon = await this.lexicon.list({ includeRetired: false });
    // Reached from the case list's search: its words are marked too, and carried to the evidence.
    const q = typeof req.query.q === 'string' ? req.query.q.trim().slice(0, 200) : '';
    const conductItems = contents.conductItems.map((item) => ({
      ...item,
      highlighted: markedHtml(item.text, [
        ...searchedMarks(item.text, q),
        ...termMarks(suggestTerms(item.text, lexicon).matches),
      ]),
      categoriesText: item.categories.map(words).join(', '),
      platformText: words(item.platform),
      audienceText: words(item.audience),
      participationText: words(item.participation),
      targetsText: item.targets.map(words).join(', ') || 'none',
      postedText: item.postedAt ? postedAtText(item.postedAt) : null,
      fromEvidence: Boolean(item.sourceEvidenceId),
    }));
    const profile = caseProfile(contents);
    const comparables = profile ? await this.comparables.comparables({ profile, k: 5 }) : null;
    const otherWay = profile ? presentOtherWay(await this.comparables.otherWay(profile)) : null;
    const mayChange = may.editContents;
    const offDuty = needsArticle10Balancing(contents.conductItems);
    const subjectNames = new Map(contents.subjects.map((subject) => [subject.id, subject.name]));
    const form = extra.form;
    const values = (name: CaseFormName): Posted => (form?.name === name ? form.values : {});
    res.status(extra.status ?? 200).render('pages/case', {
      title: `${form ? 'Error: ' : ''}${kase.reference}`,
      active: 'cases',
      error: transitionProblem,
      saved: form ? null : savedMessage(req.query.saved),
      may,
      offDuty,
      article10: kase.article10Balancing,
      uploadError: extra.uploadError ?? null,
      anonymousReportId,
      formErrors: form?.errors ?? null,
      fieldErrors: form?.fieldErrors ?? {},
      principal: req.principal,
      q,
      canUpload: mayChange,
      canEdit: mayChange,
      canAssess: may.assess,
      referralForum: forumForReferral(kase.status) ? words(forumForReferral(kase.status)!) : null,
      canArrange:
        mayChange &&
        forumForReferral(kase.status) !== null &&
        !hearings.some((h) => h.hearing.status !== 'concluded'),
      forms: {
        subject: values('subject'),
        allegation: values('allegation'),
        conduct: values('conduct'),
        assessment: values('assessment'),
      },
      options: caseFormOptions(values, contents.subjects),
      evidence: evidence.map(({ item, ocrText }) => ({
        id: item.id,
        excerpt: ocrText ? passageExcerpt(item.id, ocrText, conductItems) : null,
        name: item.originalName,
        type: item.mediaType,
        status: words(item.status),
        uploaded: item.uploadedAt.toISOString().replace('T', ' ').slice(0, 16),
        description: item.description ?? '',
        hasThumbnail: Boolean(item.thumbnailSha256?.trim()),
        postsText: item.archiveSummary
          ? `${item.archiveSummary.posts} posts read from the ${item.archiveSummary.format} export: open it to search them`
          : null,
      })),
      kase: {
        ...kase,
        statusText: words(kase.status),
        statusClass: STATUS_COLOURS[kase.status] ?? '',
        sourceText: words(kase.source),
        severityText: kase.severity ? words(kase.severity) : null,
        sentForAssessmentOn: kase.sentForAssessmentAt
          ? kase.sentForAssessmentAt.toISOString().slice(0, 10)
          : null,
      },
      deadlines: view.deadlines.map((deadline) => ({
        ...deadline,
        nameText: DEADLINE_LABELS[deadline.name],
      })),
      lpbReport: view.lpbReport,
      warnings: view.warnings ?? [],
      transitions: next.map((status) => ({ value: status, text: words(status) })),
      subjects: contents.subjects.map((subject) => ({
        ...subject,
        roleText: words(subject.role),
        forceText: FORCES.find((force) => force.code === subject.force)?.name ?? subject.force,
        allegations: contents.allegations
          .filter((allegation) => allegation.subjectId === subject.id)
          .map((allegation) => ({
            ...allegation,
            standardsText: allegation.standards.map(words).join(', '),
          })),
      })),
      conductItems,
      hearings: hearings.map(({ hearing, seats }) => ({
        id: hearing.id,
        forumText: words(hearing.forum),
        statusText: words(hearing.status),
        date: hearing.scheduledOn
          ? `${hearing.scheduledOn}${hearing.startsAt ? ` ${hearing.startsAt}` : ''}`
          : 'Not fixed yet',
        venue: hearing.venue ?? (hearing.remoteLink ? 'Remote' : 'Not set'),
        panel: seats.length,
      })),
      outcomes: outcomes.map(({ outcome, appeals }) => ({
        subject: subjectNames.get(outcome.subjectId) ?? 'A subject no longer on the case',
        forumText: words(outcome.forum),
        findingText: words(outcome.finding),
        outcomeLabel: OUTCOME_LABELS[outcome.outcome],
        currentLabel: OUTCOME_LABELS[outcome.currentOutcome],
        decidedOn: outcome.decidedOn,
        warningExpiresOn: outcome.warningExpiresOn,
        appeals: appeals.length,
        precedentRef: outcome.precedentRef,
      })),
      audit,
      otherWay,
      comparables: comparables && {
        ...comparables,
        items: comparables.items.map((item) => ({
          ...item,
          outcomeLabel: OUTCOME_LABELS[item.outcome],
          percent: Math.round(item.similarity * 100),
          why: whyComparable(item.parts, true),
        })),
      },
      timeline: timeline.map((event) => ({
        ...event,
        at: event.at.toISOString().replace('T', ' ').slice(0, 16),
        kindText: words(event.kind),
      })),
    });
  }

  /** The case's audit trail, newest first, for those the audit API lets read it; the read is itself audited. */
  private async caseAudit(id: string, req: AuthenticatedRequest) {
    const events = await this.audit.forEntity('case', id, { limit: AUDIT_ROWS });
    await this.audit.recordNow(auditContextOf(principalOf(req), req.id), {
      action: 'audit.read',
      entityType: 'case',
      entityId: id,
    });
    return events.map((event) => ({
      at: event.occurredAt.toISOString().replace('T', ' ').slice(0, 19),
      who: event.actorName ?? 'system',
      action: event.action,
      result: event.result,
    }));
  }
}

function principalOf(req: AuthenticatedRequest) {
  if (!req.principal) throw new Error('The case pages are for signed-in users only');
  return req.principal;
}

/**
 * A few lines of a screenshot's text around the first passage that matches one of the case's
 * conduct items (numbered as on the case page), marked and labelled; null when none matches.
 */
function passageExcerpt(
  evidenceId: string,
  text: string,
  conductItems: readonly { text: string }[],
): string | null {
  const [passage] = findPassages(
    text,
    conductItems.map((item) => item.text),
  );
  if (!passage) return null;
  // A long passage is shown by its opening words: the evidence page has all of it.
  const cut = excerptWindow(text, passage.start, passage.start, 200).end;
  const end = passage.end - passage.start > 240 && cut > passage.start ? cut : passage.end;
  const window = excerptWindow(text, passage.start, end);
  const html = markedHtml(
    text.slice(window.start, window.end),
    [],
    [
      {
        start: passage.start - window.start,
        end: end - window.start,
        id: `excerpt-${evidenceId}`,
        label: `Matches conduct item ${passage.quote + 1}`,
      },
    ],
  );
  return `${window.start > 0 ? '… ' : ''}${html}${window.end < text.length || end < passage.end ? ' …' : ''}`;
}
