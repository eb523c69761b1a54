/**
 * Spark's pattern for listing names (SHOW TABLES LIKE, `catalog.listTables(db, pattern)`):
 * `*` matches anything, `|` separates alternatives, matched case-insensitively.
 */
export function matchesPattern(name: string, pattern: string): boolean {
  return pattern
    .split('|')
    .map((p) => new RegExp('^' + p.trim().replace(/[.+?^${}()[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$', 'i'))
    .some((re) => re.test(name));
}
