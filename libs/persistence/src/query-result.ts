/**
 * The rows of a raw `manager.query()`. TypeORM answers an UPDATE or DELETE ... RETURNING with
 * `[rows, affected]` and a SELECT or INSERT with the rows alone; every repository reads both through this.
 */
export function rowsOf(result: unknown): any[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? result[0] : (result as any[]);
}
