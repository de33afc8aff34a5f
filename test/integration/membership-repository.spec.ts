import { MembershipRepository, openDatabase, OpenDatabase } from '@agm/persistence';
import { createTestDatabase, TestDatabase } from '../support/test-database';

describe('the membership repository on a real database', () => {
  let testDb: TestDatabase;
  let db: OpenDatabase;
  const repo = new MembershipRepository();
  const member = (i: number, branchCode = 'LDN') => ({
    membershipNumber: `M${i}`,
    name: `Member ${i}`,
    email: `m${i}@example.org`,
    category: 'full',
    branchCode,
  });

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await openDatabase(testDb.url, 'memory');
    await repo.upsertBodies(db.dataSource.manager, [
      { code: 'LDN', kind: 'branch', name: 'London', region: null, membershipCount: 0 },
    ]);
  });
  afterAll(async () => {
    await db?.stop();
    await testDb?.drop();
  });

  it('writes in batches, reporting each, and tells new members from updated ones', async () => {
    const batches: number[] = [];
    const first = await db.dataSource.transaction((manager) =>
      repo.upsertMembers(
        manager,
        [1, 2, 3, 4, 5].map((i) => member(i)),
        (n) => batches.push(n),
        2,
      ),
    );
    expect(first).toEqual({ imported: 5, updated: 0 });
    expect(batches).toEqual([2, 4, 5]);
    const again = await db.dataSource.transaction((manager) =>
      repo.upsertMembers(
        manager,
        [4, 5, 6].map((i) => member(i)),
        undefined,
        2,
      ),
    );
    expect(again).toEqual({ imported: 1, updated: 2 });
    const page = await repo.findMembers(db.dataSource.manager, { search: 'm5@', limit: 10, offset: 0 });
    expect(page.items).toEqual([expect.objectContaining({ membershipNumber: 'M5', branchCode: 'LDN' })]);
  });

  it('writes nothing when a later batch fails: the whole file is one transaction', async () => {
    const before = await repo.countMembers(db.dataSource.manager);
    // The same number twice in one statement is refused by PostgreSQL itself; the checks never let it get here.
    const rows = [member(100), member(101), member(102), member(102)];
    await expect(
      db.dataSource.transaction((manager) => repo.upsertMembers(manager, rows, undefined, 2)),
    ).rejects.toThrow();
    expect(await repo.countMembers(db.dataSource.manager)).toBe(before);
  });

  it('finds search text literally, so % and _ match only themselves', async () => {
    const page = await repo.findMembers(db.dataSource.manager, { search: '%', limit: 10, offset: 0 });
    expect(page).toEqual({ items: [], total: 0 });
  });
});
