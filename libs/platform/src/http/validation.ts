import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldProblem } from './error-body';

/** Flattens nested class-validator errors into `{field, message}` with dotted paths (`reporter.name`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.replace(
        /^property (\S+) should not exist$/,
        `${field} is not a field this request accepts`,
      ),
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

export class RequestValidationError extends BadRequestException {
  constructor(readonly problems: FieldProblem[]) {
    super({
      message: `The request has ${problems.length === 1 ? 'a field' : `${problems.length} fields`} to correct: ${problems
        .map((p) => p.field)
        .filter((f, i, all) => all.indexOf(f) === i)
        .join(', ')}.`,
      details: { fields: problems },
    });
  }
}

/** Unknown fields are rejected, types converted, and every failing field listed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(fieldProblems(errors)),
  });
}
