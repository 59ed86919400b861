import type { Principal, Role } from '@precedent/identity';
import { mayChangeAvailability } from './panel-availability.rules';

const person = (roles: Role[], userId = 'me'): Principal => ({
  userId,
  username: 'u',
  displayName: 'U',
  roles,
  team: null,
  sessionId: 's',
});

describe('who changes a panel member’s availability', () => {
  it('lets a panel member change their own only', () => {
    expect(mayChangeAvailability({ userId: 'me' }, person(['panel_member']))).toBe(true);
    expect(mayChangeAvailability({ userId: 'other' }, person(['panel_member']))).toBe(false);
    expect(mayChangeAvailability({ userId: null }, person(['panel_member']))).toBe(false);
  });

  it('lets those who manage the pool change anyone’s', () => {
    expect(mayChangeAvailability({ userId: 'other' }, person(['admin']))).toBe(true);
    expect(mayChangeAvailability({ userId: null }, person(['appropriate_authority']))).toBe(true);
  });

  it('gives an investigator or senior officer no say', () => {
    expect(mayChangeAvailability({ userId: 'me' }, person(['investigator']))).toBe(false);
    expect(mayChangeAvailability({ userId: 'me' }, person(['senior_officer']))).toBe(false);
  });
});
