import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { STEP_LABELS } from '@precedent/exchange';
import { words } from '../common/code-words';

/** What a hearing bundle holds, already read through the services that check access and audit. */
export interface BundleContent {
  reference: string;
  generatedAt: string;
  generatedBy: string;
  kase: { summary: string; status: string; receivedAt: string; regime: string; severity: string | null };
  hearing: {
    forum: string;
    scheduledOn: string | null;
    venue: string | null;
    panel: { name: string; role: string }[];
  } | null;
  subjects: {
    name: string;
    role: string;
    force: string;
    allegations: { standards: string[]; description: string }[];
  }[];
  conductItems: {
    platform: string;
    audience: string;
    text: string;
    categories: string[];
    targets: string[];
    participation: string;
  }[];
  evidence: { name: string; sha256: string; size: string; mediaType: string; uploadedAt: string }[];
  comparables: {
    withheld?: string;
    band?: { lowStep: number; highStep: number };
    medianStep?: number;
    items: { ref: string; force: string; decidedOn: string; outcome: string; similarity: number }[];
  } | null;
}

/**
 * Writes the bundle as a PDF to `output`: the case, the allegations, the comments at issue in
 * full, the evidence with the SHA-256 of each file (so the panel can check what it was given),
 * and the comparable precedents. Every page carries the reference and the protective marking.
 */
export function writeHearingBundle(content: BundleContent, output: Writable): void {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: {
      Title: `Hearing bundle ${content.reference}`,
      Author: 'Precedent',
      Subject: 'Official – Sensitive',
    },
  });
  doc.pipe(output);
  const heading = (text: string) =>
    doc
      .moveDown(0.8)
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(text)
      .moveDown(0.3)
      .font('Helvetica')
      .fontSize(10);
  const line = (label: string, value: string) =>
    doc.font('Helvetica-Bold').text(`${label}: `, { continued: true }).font('Helvetica').text(value);

  doc.font('Helvetica-Bold').fontSize(20).text(`Hearing bundle ${content.reference}`);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(`Generated ${content.generatedAt} for ${content.generatedBy}. Official – Sensitive.`);

  heading('The case');
  line('What was reported', content.kase.summary);
  line('Status', words(content.kase.status));
  line('Received', content.kase.receivedAt);
  line(
    'Regulations',
    content.kase.regime === 'pcr2020'
      ? 'Police (Conduct) Regulations 2020'
      : 'Police (Conduct) Regulations 2012',
  );
  line('Severity assessed', content.kase.severity ? words(content.kase.severity) : 'not yet');

  if (content.hearing) {
    heading('The hearing');
    line('Forum', words(content.hearing.forum));
    line('Date', content.hearing.scheduledOn ?? 'not fixed');
    line('Venue', content.hearing.venue ?? 'not set');
    for (const seat of content.hearing.panel) line(words(seat.role), seat.name);
  }

  heading('Subjects and allegations');
  if (content.subjects.length === 0) doc.text('None recorded.');
  for (const subject of content.subjects) {
    doc
      .font('Helvetica-Bold')
      .text(`${subject.name} (${words(subject.role)}, ${subject.force})`)
      .font('Helvetica');
    for (const allegation of subject.allegations) {
      doc.text(`• ${allegation.standards.map(words).join(', ')}: ${allegation.description}`, { indent: 12 });
    }
  }

  heading('The comments at issue');
  if (content.conductItems.length === 0) doc.text('None recorded.');
  content.conductItems.forEach((item, at) => {
    doc
      .font('Helvetica-Bold')
      .text(`${at + 1}. ${item.platform}, ${words(item.audience)}; ${words(item.participation)}`)
      .font('Helvetica');
    doc.text(item.text, { indent: 12 });
    doc
      .fontSize(9)
      .text(
        `Categories: ${item.categories.map(words).join(', ')}; about: ${item.targets.map(words).join(', ') || 'none'}`,
        { indent: 12 },
      )
      .fontSize(10);
  });

  heading('Evidence');
  if (content.evidence.length === 0) doc.text('No evidence uploaded.');
  content.evidence.forEach((item, at) => {
    doc
      .font('Helvetica-Bold')
      .text(`${at + 1}. ${item.name}`)
      .font('Helvetica');
    doc.text(`${item.mediaType}, ${item.size} bytes, uploaded ${item.uploadedAt}`, { indent: 12 });
    doc
      .font('Courier')
      .fontSize(9)
      .text(`SHA-256 ${item.sha256}`, { indent: 12 })
      .font('Helvetica')
      .fontSize(10);
  });

  heading('Comparable precedents');
  if (!content.comparables) {
    doc.text('No profile to compare yet (a subject and a conduct item are needed).');
  } else {
    if (content.comparables.withheld) doc.text(`No outcome range is shown: ${content.comparables.withheld}.`);
    else if (content.comparables.band) {
      doc.text(
        `The central 80% of the comparables' outcomes, weighted by similarity, run from ${STEP_LABELS[content.comparables.band.lowStep]} to ${STEP_LABELS[content.comparables.band.highStep]}; the most comparable is ${STEP_LABELS[content.comparables.medianStep ?? 0]}.`,
      );
    }
    doc.moveDown(0.3);
    for (const item of content.comparables.items) {
      doc.text(
        `${item.ref} (${item.force}, ${item.decidedOn}): ${words(item.outcome)}, similarity ${Math.round(item.similarity * 100)}%`,
        { indent: 12 },
      );
    }
    doc.fontSize(9).text('Precedent supports decisions; it never makes them.', { indent: 12 }).fontSize(10);
  }

  const pages = doc.bufferedPageRange();
  for (let page = pages.start; page < pages.start + pages.count; page++) {
    doc.switchToPage(page);
    // The footer sits in the bottom margin: with the margin at zero, writing there adds no page.
    doc.page.margins.bottom = 0;
    doc
      .fontSize(8)
      .text(
        `${content.reference} · page ${page + 1} of ${pages.count} · Official – Sensitive`,
        56,
        doc.page.height - 40,
        {
          lineBreak: false,
        },
      );
  }
  doc.end();
}
