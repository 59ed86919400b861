import type { Role } from '@precedent/identity';
import { REQUIRED_ROLES } from '../common/roles.decorator';
import { AdminPagesController } from './admin-pages.controller';
import { AnalyticsPagesController } from './analytics-pages.controller';
import { AnonymousPagesController } from './anonymous-pages.controller';
import { CaseListPagesController } from './cases/case-list-pages.controller';
import { HearingPagesController } from './hearing-pages.controller';
import { MyWorkController } from './my-work.controller';

type Page = { href: string; text: string; key: string; controller: object; handler: string };

/** The header's links, each with the page handler that serves it (and so the roles that handler needs). */
const PAGES: Page[] = [
  { href: '/', text: 'My work', key: 'my-work', controller: MyWorkController, handler: 'page' },
  { href: '/cases', text: 'Cases', key: 'cases', controller: CaseListPagesController, handler: 'list' },
  {
    href: '/hearings',
    text: 'Hearings',
    key: 'hearings',
    controller: HearingPagesController,
    handler: 'list',
  },
  {
    href: '/anonymous',
    text: 'Anonymous reports',
    key: 'anonymous',
    controller: AnonymousPagesController,
    handler: 'list',
  },
  {
    href: '/comparables',
    text: 'Comparables',
    key: 'comparables',
    controller: AnalyticsPagesController,
    handler: 'comparables',
  },
  {
    href: '/reports',
    text: 'Reports',
    key: 'reports',
    controller: AnalyticsPagesController,
    handler: 'reports',
  },
  { href: '/admin', text: 'Administration', key: 'admin', controller: AdminPagesController, handler: 'page' },
];

/**
 * The roles a page needs, read from the same `@Roles` metadata the guard enforces (the handler's,
 * else its controller's, as the guard reads them): the header and the guard cannot disagree.
 */
export function rolesFor(controller: object, handler: string): readonly Role[] | undefined {
  const method = (controller as { prototype: Record<string, unknown> }).prototype[handler];
  if (typeof method !== 'function') throw new Error(`No page handler ${handler} for the navigation`);
  return (
    (Reflect.getMetadata(REQUIRED_ROLES, method) as Role[] | undefined) ??
    (Reflect.getMetadata(REQUIRED_ROLES, controller) as Role[] | undefined)
  );
}

/** The header links this person may follow: a page that would answer 403 is not offered. */
export function navigationFor(
  principal: { roles: readonly string[] } | undefined,
  active?: string,
  /** How many things need this person (the attention interceptor's count): shown on My work's link. */
  attention?: number,
): { href: string; text: string; html?: string; active: boolean }[] {
  if (!principal) return [];
  return PAGES.filter((page) => {
    const roles = rolesFor(page.controller, page.handler);
    return !roles?.length || principal.roles.some((role) => roles.includes(role as Role));
  }).map((page) => ({
    href: page.href,
    text: page.text,
    ...(page.href === '/' && attention
      ? {
          html: `${page.text} <strong class="app-attention-count">${attention}<span class="govuk-visually-hidden"> ${attention === 1 ? 'thing needs' : 'things need'} you</span></strong>`,
        }
      : {}),
    active: page.key === active,
  }));
}
