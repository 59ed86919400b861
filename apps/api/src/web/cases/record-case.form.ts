import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { INTAKE_SOURCES } from '@precedent/cases';
import { RecordCaseDto } from '../../cases/record-case.dto';
import { words } from '../../common/code-words';
import { one, type FormProblem, type Posted } from '../case-forms';
import { dateItems, dateParts, isoDate } from './date-input';

/**
 * The "record a case" form: its checks and every message in one place. The date boxes and the
 * questions that go together are checked here, in the form's words; then the API's own DTO checks
 * the rest (the same rules as POST /api/cases), each refusal said in the form's words for the field.
 */
const FIELDS: Record<string, { id: string; message: string }> = {
  source: { id: 'source', message: 'Choose how the matter came to Professional Standards' },
  receivedAt: { id: 'receivedAt-day', message: 'The date received must be today or in the past' },
  summary: { id: 'summary', message: 'Describe what was reported in 10 to 4,000 characters' },
  'reporter.name': {
    id: 'reporterName',
    message: 'Enter the name of the person who reported it, in 200 characters or fewer',
  },
  'reporter.contact': {
    id: 'reporterContact',
    message: 'Enter how to contact the person who reported it, in 300 characters or fewer',
  },
  'authorisation.authorisedBy': { id: 'authorisedBy', message: 'Enter who authorised the monitoring' },
  'authorisation.authorisedAt': {
    id: 'authorisedAt-day',
    message: 'The date the monitoring was authorised must be today or in the past',
  },
  'authorisation.justification': {
    id: 'justification',
    message: 'Explain why monitoring is necessary and proportionate in at least 20 characters',
  },
};

/** The sources a person records by hand: anonymous reports become cases from the inbox. */
export const RECORDABLE_SOURCES = INTAKE_SOURCES.filter((source) => source !== 'anonymous');

export async function recordCaseErrors(
  body: Posted,
): Promise<{ input: RecordCaseDto; errors: FormProblem[] }> {
  const errors: FormProblem[] = [];
  const add = (field: string, text: string) => {
    if (!errors.some((e) => e.href === `#${FIELDS[field].id}`))
      errors.push({ text, href: `#${FIELDS[field].id}` });
  };
  const source = one(body.source);
  if (!(RECORDABLE_SOURCES as readonly string[]).includes(source)) add('source', FIELDS.source.message);
  const received = isoDate(dateParts(body, 'receivedAt'), 'the date received');
  if ('missing' in received) add('receivedAt', 'Enter the date the matter was received');
  if ('problem' in received) add('receivedAt', received.problem);
  const summary = one(body.summary).trim();
  if (!summary) add('summary', 'Describe what was reported');
  const reporterName = one(body.reporterName).trim();
  const reporterContact = one(body.reporterContact).trim();
  if (reporterName && !reporterContact)
    add('reporter.contact', 'Enter how to contact the person who reported it');
  if (reporterContact && !reporterName) add('reporter.name', 'Enter the name of the person who reported it');
  const monitoring = source === 'proactive_monitoring';
  const authorised = isoDate(dateParts(body, 'authorisedAt'), 'the date the monitoring was authorised');
  if (monitoring) {
    if (!one(body.authorisedBy).trim())
      add('authorisation.authorisedBy', FIELDS['authorisation.authorisedBy'].message);
    if ('missing' in authorised)
      add('authorisation.authorisedAt', 'Enter the date the monitoring was authorised');
    if ('problem' in authorised) add('authorisation.authorisedAt', authorised.problem);
    if (!one(body.justification).trim())
      add('authorisation.justification', FIELDS['authorisation.justification'].message);
  }
  const input = plainToInstance(RecordCaseDto, {
    source,
    receivedAt: 'iso' in received ? received.iso : '',
    summary,
    ...(reporterName || reporterContact
      ? { reporter: { name: reporterName, contact: reporterContact } }
      : {}),
    ...(monitoring
      ? {
          authorisation: {
            authorisedBy: one(body.authorisedBy).trim(),
            authorisedAt: 'iso' in authorised ? authorised.iso : '',
            justification: one(body.justification).trim(),
          },
        }
      : {}),
    restricted: one(body.restricted) === 'yes',
  });
  // the API's rules, for what the form's own checks let through (a date in the future, a long text)
  for (const path of failedPaths(await validate(input, { whitelist: true }))) {
    const field = FIELDS[path];
    if (field) add(path, field.message);
  }
  // in the order of the form
  const order = Object.values(FIELDS).map((f) => `#${f.id}`);
  errors.sort((a, b) => order.indexOf(a.href) - order.indexOf(b.href));
  return { input, errors };
}

function failedPaths(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    return [...(error.constraints ? [path] : []), ...failedPaths(error.children ?? [], path)];
  });
}

/** What the form page shows: the answers kept, each field's own error, the sources in words. */
export function recordCaseView(body: Posted, errors: FormProblem[]) {
  const fieldError = (id: string) => {
    const found = errors.find((e) => e.href === `#${id}`);
    return found ? { text: found.text } : undefined;
  };
  return {
    form: body,
    errors: errors.length ? errors : null,
    fieldError: Object.fromEntries(Object.values(FIELDS).map((f) => [f.id, fieldError(f.id)])),
    sources: RECORDABLE_SOURCES.map((value) => ({
      value,
      text: words(value),
      checked: value === one(body.source),
    })),
    receivedAtItems: dateItems(dateParts(body, 'receivedAt'), Boolean(fieldError('receivedAt-day'))),
    authorisedAtItems: dateItems(dateParts(body, 'authorisedAt'), Boolean(fieldError('authorisedAt-day'))),
  };
}
