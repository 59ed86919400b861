import { DataSource } from 'typeorm';
import { dataSourceOptions, ENTITY_GLOB } from '@precedent/platform';

/**
 * The entities and the migrations must describe the same schema: after every migration has run,
 * TypeORM finds nothing to change. When this fails, run `npm run migration:generate -- migrations/<name>`.
 */
describe('schema drift', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = new DataSource({
      ...dataSourceOptions({ DATABASE_URL: process.env.DATABASE_URL! }, { poolSize: 2 }),
      entities: [ENTITY_GLOB],
    });
    await dataSource.initialize();
  });
  afterAll(() => dataSource?.destroy());

  it('finds every entity through the glob the CLI uses', () => {
    const tables = dataSource.entityMetadatas.map((m) => m.tableName);
    expect(tables).toEqual(expect.arrayContaining(['users', 'audit_events', 'outbox_messages']));
  });

  it('has no difference between entities and migrations', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('reverts every migration and applies them again', async () => {
    const count = dataSource.migrations.length;
    for (let i = 0; i < count; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const [{ n }] = await dataSource.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
    );
    expect(Number(n)).toBe(0);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied).toHaveLength(count);
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });
});
