import type { CaseContentsService } from '@precedent/cases';
import { DomainError } from '@precedent/platform';
import { AddAllegationDto, AddConductItemDto, AddSubjectDto } from '../../cases/case-contents.dto';
import {
  ALLEGATION_FIELDS,
  allegationInput,
  CONDUCT_FIELDS,
  conductInput,
  type FieldSpec,
  type FormProblem,
  type Posted,
  SUBJECT_FIELDS,
  subjectInput,
  validateForm,
} from '../case-forms';

type Contents = Pick<CaseContentsService, 'addSubject' | 'addAllegation' | 'addConductItem'>;
type SubjectInput = Parameters<Contents['addSubject']>[1];
type AllegationInput = Parameters<Contents['addAllegation']>[1];
type ConductItemInput = Parameters<Contents['addConductItem']>[1];
type Read<T> = Promise<{ value: T; problems: FormProblem[] } | { value: null; problems: FormProblem[] }>;

/**
 * A subject, an allegation or a conduct item as its form posts it, checked by the JSON API's DTO
 * and read into what the contents service takes: the same when it is added on the case page as
 * when it is corrected on its own page.
 */
export async function readSubject(body: Posted): Read<SubjectInput> {
  return valueOnlyWhenValid(
    await validateForm(AddSubjectDto, subjectInput(body), SUBJECT_FIELDS, 'subject-name'),
  );
}

export async function readAllegation(body: Posted): Read<AllegationInput> {
  return valueOnlyWhenValid(
    await validateForm(AddAllegationDto, allegationInput(body), ALLEGATION_FIELDS, 'allegation-subjectId'),
  );
}

/** The checked value only when nothing is wrong with it, so a caller cannot save a refused form. */
function valueOnlyWhenValid<T>(read: { value: T; problems: FormProblem[] }): Awaited<Read<T>> {
  return read.problems.length ? { value: null, problems: read.problems } : read;
}

export async function readConductItem(body: Posted): Read<ConductItemInput> {
  const { value, problems } = await validateForm(
    AddConductItemDto,
    conductInput(body),
    CONDUCT_FIELDS,
    'conduct-platform',
  );
  if (problems.length) return { value: null, problems };
  // typed in, with no evidence source: the DTO has then required the platform and the text
  const { source: _none, text, platform, ...rest } = value;
  return { value: { ...rest, text: text!, platform: platform! }, problems };
}

/**
 * The service's refusal of a form (an unknown subject, a stale version) as the form's problem: the
 * service names the field at fault when it can, and the form says it in its own words where it has
 * them. Anything else is not the form's to show, and is thrown on.
 */
export function refusalProblem(error: unknown, fields: Record<string, FieldSpec>): FormProblem {
  if (!(error instanceof DomainError && (error.kind === 'invalid' || error.kind === 'conflict'))) throw error;
  const named = (error.details?.fields as { field?: string }[] | undefined)?.[0]?.field ?? '';
  const spec = fields[named] ?? Object.values(fields)[0];
  return { text: spec.invalid ?? error.message, href: `#${spec.id}` };
}
