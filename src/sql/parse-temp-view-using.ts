/** The grammar of a temp view over a data source (temp-view-using.ts runs it). */
import { tempViewWithDatabase } from './ddl-errors.js';
import type { ColumnDef, CommandAst } from './ast.js';
import { columnDefs, propertyList } from './parse-commands.js';
import type { SqlParser } from './parser.js';

/**
 * `CREATE [OR REPLACE] [GLOBAL] TEMPORARY VIEW v [(c TYPE, ...)] USING fmt [OPTIONS (...)]` (a temp view over
 * a data source), read after the name; undefined (the cursor back where it was) for a view over a query.
 */
export function tempViewUsing(p: SqlParser, name: readonly string[], replace: boolean, global: boolean): CommandAst | undefined {
  const start = p.pos;
  let columns: ColumnDef[] | undefined;
  if (p.isOp('(')) {
    try {
      columns = columnDefs(p);
    } catch {
      p.pos = start; // a view's column list (names only), not typed columns
      return undefined;
    }
  }
  if (!p.acceptKw('USING')) {
    p.pos = start;
    return undefined;
  }
  let provider = p.identifier();
  while (p.acceptOp('.')) provider += '.' + p.identifier();
  const options = p.acceptKw('OPTIONS') ? propertyList(p) : [];
  if (name.length > 1) throw tempViewWithDatabase(name.map((n) => '`' + n + '`').join('.'));
  return { kind: 'createTempViewUsing', name, replace, global, ...(columns ? { columns } : {}), provider, options };
}
