import { navigationFor } from './navigation';

const links = (...roles: string[]) => navigationFor({ roles }).map((link) => link.href);

describe('header navigation', () => {
  it('offers a panel member only the pages a panel member may open', () => {
    expect(links('panel_member')).toEqual(['/', '/cases', '/hearings', '/comparables']);
  });

  it('offers a senior officer the reports, and not the anonymous reports or hearings', () => {
    const senior = links('senior_officer');
    expect(senior).toEqual(expect.arrayContaining(['/', '/reports']));
    expect(senior).not.toContain('/anonymous');
    expect(senior).not.toContain('/admin');
  });

  it('offers administration only to an administrator', () => {
    expect(links('admin')).toContain('/admin');
    expect(links('investigator')).not.toContain('/admin');
  });

  it('offers the anonymous reports to casework roles', () => {
    expect(links('investigator')).toContain('/anonymous');
    expect(links('appropriate_authority')).toContain('/anonymous');
  });

  it('marks the active page, and offers nothing to someone not signed in', () => {
    expect(navigationFor({ roles: ['investigator'] }, 'cases').find((l) => l.active)?.href).toBe('/cases');
    expect(navigationFor(undefined)).toEqual([]);
  });

  it('counts what needs the person beside My work, in words for a screen reader, and nothing when none does', () => {
    const myWork = (attention?: number) =>
      navigationFor({ roles: ['appropriate_authority'] }, undefined, attention).find((l) => l.href === '/');
    expect(myWork(3)?.html).toContain('>3<span class="govuk-visually-hidden"> things need you</span>');
    expect(myWork(1)?.html).toContain(' thing needs you');
    expect(myWork(0)?.html).toBeUndefined();
    expect(myWork()?.html).toBeUndefined();
  });
});
