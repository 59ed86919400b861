import type { Page } from 'playwright-core';
import { accessibilityViolations, screenshot } from './browser';

/**
 * The investigator → appropriate authority part of a case's journey through the staff web UI, as
 * steps a browser test calls in order (the hearing, outcome and appeal journey continues from the
 * referred case). Each step works with JavaScript on or off, checks what the page says, and can
 * check the page with axe and take a screenshot.
 */
export class CaseJourney {
  caseId = '';
  reference = '';

  constructor(
    readonly base: string,
    readonly javaScript: boolean,
    /** A name for the screenshots: the journey's and whether script ran. */
    readonly label: string,
  ) {}

  get caseUrl(): string {
    return `${this.base}/cases/${this.caseId}`;
  }

  async checked(page: Page, name: string): Promise<void> {
    expect(await accessibilityViolations(page, { javaScript: this.javaScript })).toEqual([]);
    await screenshot(page, `${this.label}-${name}`);
  }

  /** The tab's link: with script it shows the panel, without it jumps to the section. */
  async openTab(page: Page, id: string): Promise<void> {
    await page.click(`a.govuk-tabs__tab[href="#${id}"]`);
    if (this.javaScript) expect(await page.isVisible(`#${id}`)).toBe(true);
  }

  async banner(page: Page): Promise<string> {
    return (await page.textContent('.govuk-notification-banner')) ?? '';
  }

  /** Records a case through the intake form (dates as day, month and year), landing on its page. */
  async recordCase(page: Page, received: { day: number; month: number; year: number }, summary: string) {
    await page.goto(`${this.base}/cases/new`);
    await page.check('input[name="source"][value="line_manager"]');
    await page.fill('#receivedAt-day', String(received.day));
    await page.fill('#receivedAt-month', String(received.month));
    await page.fill('#receivedAt-year', String(received.year));
    await page.fill('#summary', summary);
    await page.fill('#reporterName', 'Insp. Casey Example');
    await page.fill('#reporterContact', 'casey.example@force.example');
    await page.click('button:has-text("Record the case")');
    const path = new URL(page.url()).pathname;
    expect(path).toMatch(/^\/cases\/[0-9a-f-]{36}$/);
    this.caseId = path.split('/')[2];
    this.reference = ((await page.textContent('h1')) ?? '').match(/PSD-\d{4}-\d{5}/)?.[0] ?? '';
    expect(this.reference).not.toBe('');
    expect(await this.banner(page)).toContain('The case has been recorded.');
  }

  async addSubject(page: Page, subject: { name: string; staffNumber: string }): Promise<void> {
    await this.openTab(page, 'subjects');
    await page.fill('#subject-name', subject.name);
    await page.fill('#subject-staffNumber', subject.staffNumber);
    await page.selectOption('#subject-role', 'constable');
    await page.selectOption('#subject-force', { index: 1 });
    await page.click('button:has-text("Add the subject")');
    expect(await this.banner(page)).toContain('The subject has been added.');
  }

  /** Opens the correction page of the first subject, allegation or conduct item and saves a change. */
  async correct(
    page: Page,
    part: 'subjects' | 'allegations' | 'conduct-items',
    change: (page: Page) => Promise<void>,
  ): Promise<void> {
    await page.click(`a[href^="/cases/${this.caseId}/${part}/"][href$="/edit"]`);
    expect(new URL(page.url()).pathname).toMatch(
      new RegExp(`/cases/${this.caseId}/${part}/[0-9a-f-]{36}/edit$`),
    );
    await change(page);
    await page.click('button:has-text("Save the correction")');
    expect(new URL(page.url()).pathname).toBe(`/cases/${this.caseId}`);
    expect(await this.banner(page)).toMatch(/has been corrected\./);
  }

  async addAllegation(page: Page, description: string): Promise<void> {
    await this.openTab(page, 'subjects');
    await page.selectOption('#allegation-subjectId', { index: 1 });
    await page.check('input[name="standards"][value="discreditable_conduct"]');
    await page.fill('#allegation-description', description);
    await page.click('button:has-text("Add the allegation")');
    expect(await this.banner(page)).toContain('The allegation has been added.');
  }

  async addConductItem(page: Page, text: string, offDuty: boolean): Promise<void> {
    await this.openTab(page, 'conduct');
    await page.fill('#conduct-text', text);
    await page.selectOption('#conduct-platform', 'whatsapp');
    await page.selectOption('#conduct-audience', 'private_group');
    await page.check('input[name="categories"][value="discriminatory"]');
    await page.check(`input[name="offDuty"][value="${offDuty ? 'yes' : 'no'}"]`);
    await page.click('button:has-text("Add the conduct item")');
    expect(await this.banner(page)).toContain('The conduct item has been added.');
  }

  async sendForAssessment(page: Page): Promise<void> {
    await this.openTab(page, 'summary');
    expect(await page.textContent('#summary')).toContain('The appropriate authority assesses the case next');
    await page.fill('#note', 'Subjects, allegation and the posts are in.');
    await page.click('button:has-text("Send for assessment")');
    expect(await this.banner(page)).toContain('it is now on their My work');
  }

  /** The appropriate authority's My work lists the case sent to them; following it opens the case. */
  async findOnMyWork(page: Page): Promise<void> {
    await page.goto(`${this.base}/`);
    const section = (await page.textContent('#main-content')) ?? '';
    expect(section).toContain('Cases sent to you for assessment');
    await page.click(`a:has-text("${this.reference}")`);
    expect(new URL(page.url()).pathname).toBe(`/cases/${this.caseId}`);
  }

  /** Severity with the Article 10 balancing the off-duty conduct calls for. */
  async assess(page: Page): Promise<void> {
    await this.openTab(page, 'assessment');
    await page.check('input[name="severity"][value="gross_misconduct"]');
    await page.fill(
      '#assessment-rationale',
      'Racist language in a group of serving officers; identifiable as police.',
    );
    await page.fill(
      '#assessment-interference',
      'Freedom of expression is engaged: the posts were made off duty.',
    );
    await page.fill(
      '#assessment-prescribedByLaw',
      'The Standards of Professional Behaviour in the Conduct Regulations.',
    );
    await page.fill('#assessment-legitimateAim', 'Public confidence in policing and the rights of others.');
    await page.fill(
      '#assessment-necessityAndProportionality',
      'Racist abuse by officers undermines confidence; no less intrusive step answers it.',
    );
    await page.click('button:has-text("Record the assessment")');
    expect(await this.banner(page)).toContain('The severity assessment has been recorded.');
  }

  async recordIopcDecision(page: Page, decision: string): Promise<void> {
    await this.openTab(page, 'summary');
    await page.fill('#iopc-decision-text', decision);
    await page.click('button:has-text("Record the referral decision")');
    expect(await this.banner(page)).toContain('The IOPC referral decision has been recorded.');
  }

  async moveOn(page: Page, to: string, reason: string): Promise<void> {
    await this.openTab(page, 'summary');
    await page.check(`input[name="to"][value="${to}"]`);
    await page.fill('#reason', reason);
    await page.click('button:has-text("Change status")');
    expect((await page.textContent('h1 .govuk-tag'))?.toLowerCase()).toContain(to.replace(/_/g, ' '));
  }

  /** Assessed, investigated and referred to a misconduct hearing: the case the hearing journey takes on. */
  async referToHearing(page: Page): Promise<void> {
    await this.moveOn(page, 'assessed', 'Severity assessment recorded.');
    await this.moveOn(page, 'investigating', 'Investigation to establish who else saw the posts.');
    await this.moveOn(page, 'referred_to_hearing', 'Case to answer for gross misconduct.');
    await this.openTab(page, 'hearing');
    expect(await page.textContent('#hearing')).toContain('The case is referred to a misconduct hearing.');
  }
}
