import { IsISO8601, registerDecorator, ValidationOptions } from 'class-validator';
import { londonDate } from '@precedent/platform';

/** A calendar date (YYYY-MM-DD) that is not after today in England and Wales. */
export function NotInFuture(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notInFuture',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} cannot be in the future`, ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'string' || value.slice(0, 10) <= londonDate(new Date()),
      },
    });
}

/** A calendar date as YYYY-MM-DD, no later than today: the form every "when did it happen" field takes. */
export function IsPastDate(): PropertyDecorator {
  return (target, propertyName) => {
    IsISO8601({ strict: true }, { message: `${String(propertyName)} must be a date as YYYY-MM-DD` })(
      target,
      propertyName,
    );
    NotInFuture()(target, propertyName);
  };
}
