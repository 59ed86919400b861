import { isISO8601, registerDecorator, type ValidationArguments } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD (a filter's bound: any date, past or future). */
export function IsCalendarDate(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a date as YYYY-MM-DD` },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && DATE.test(value) && isISO8601(value, { strict: true }),
      },
    });
}

/** The end of a range is not before its start (`start`, the other field, may be absent). */
export function NotBefore(start: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notBefore',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [start],
      options: { message: `${String(propertyName)} cannot be before ${start}` },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const from = (args.object as Record<string, unknown>)[start];
          return typeof value !== 'string' || typeof from !== 'string' || value >= from;
        },
      },
    });
}
