import { registerDecorator, ValidationOptions } from 'class-validator';

/** A calendar date (YYYY-MM-DD) that is not after today in England and Wales. */
export function NotInFuture(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notInFuture',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} cannot be in the future`, ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return true;
          const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
          return value.slice(0, 10) <= today;
        },
      },
    });
}
