import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One search vector a case: its summary and every conduct item's text, kept by triggers so every
 * write path (services, imports, SQL seeding) keeps it true. The case list used to answer a search
 * with a UNION of two index lookups, which had to collect every match before it could sort: a word
 * in a third of 100,000 cases took over 200 ms. On one column the planner can instead walk the
 * received-date index and stop at the page's twentieth match, and still use the GIN index for rare
 * words. The per-table expression indexes it replaces are dropped: nothing else reads them.
 */
export class CaseSearchVector1795655648456 implements MigrationInterface {
  name = 'CaseSearchVector1795655648456';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cases" ADD "search_vector" tsvector`);
    await queryRunner.query(`
      CREATE FUNCTION case_search_vector(summary text, case_id uuid) RETURNS tsvector
      LANGUAGE sql STABLE AS $$
        SELECT to_tsvector('precedent_search', summary)
            || to_tsvector('precedent_search', coalesce((SELECT string_agg(t.text, ' ') FROM conduct_items t WHERE t.case_id = $2), ''))
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION cases_search_vector_on_write() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_vector := case_search_vector(NEW.summary, NEW.id);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER cases_search_vector BEFORE INSERT OR UPDATE OF summary ON "cases"
      FOR EACH ROW EXECUTE FUNCTION cases_search_vector_on_write()`);
    // statement-level with transition tables: a bulk insert of items recomputes each case once
    await queryRunner.query(`
      CREATE FUNCTION conduct_items_refresh_case_search() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE cases c SET search_vector = case_search_vector(c.summary, c.id)
         WHERE c.id IN (SELECT case_id FROM changed_items);
        RETURN NULL;
      END $$`);
    for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
      const table = event === 'DELETE' ? 'OLD' : 'NEW';
      await queryRunner.query(
        `CREATE TRIGGER conduct_items_case_search_${event.toLowerCase()} AFTER ${event} ON "conduct_items"
         REFERENCING ${table} TABLE AS changed_items FOR EACH STATEMENT EXECUTE FUNCTION conduct_items_refresh_case_search()`,
      );
    }
    // an item moved to another case (UPDATE of case_id) must leave its old case too
    await queryRunner.query(`
      CREATE FUNCTION conduct_items_refresh_old_case_search() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE cases c SET search_vector = case_search_vector(c.summary, c.id)
         WHERE c.id IN (SELECT case_id FROM previous_items);
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER conduct_items_case_search_update_old AFTER UPDATE ON "conduct_items"
       REFERENCING OLD TABLE AS previous_items FOR EACH STATEMENT EXECUTE FUNCTION conduct_items_refresh_old_case_search()`,
    );
    await queryRunner.query(`UPDATE "cases" SET search_vector = case_search_vector(summary, id)`);
    await queryRunner.query(`CREATE INDEX "ix_cases_search_vector" ON "cases" USING gin ("search_vector")`);
    await queryRunner.query(`DROP INDEX "public"."ix_conduct_items_text_search"`);
    await queryRunner.query(`DROP INDEX "public"."ix_cases_summary_search"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_cases_summary_search" ON "cases" USING gin (to_tsvector('precedent_search', "summary"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_conduct_items_text_search" ON "conduct_items" USING gin (to_tsvector('precedent_search', "text"))`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_cases_search_vector"`);
    await queryRunner.query(`DROP TRIGGER conduct_items_case_search_update_old ON "conduct_items"`);
    for (const event of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER conduct_items_case_search_${event} ON "conduct_items"`);
    }
    await queryRunner.query(`DROP TRIGGER cases_search_vector ON "cases"`);
    await queryRunner.query(`DROP FUNCTION conduct_items_refresh_old_case_search()`);
    await queryRunner.query(`DROP FUNCTION conduct_items_refresh_case_search()`);
    await queryRunner.query(`DROP FUNCTION cases_search_vector_on_write()`);
    await queryRunner.query(`DROP FUNCTION case_search_vector(text, uuid)`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "search_vector"`);
  }
}
