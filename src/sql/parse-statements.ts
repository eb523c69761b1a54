/**
 * The statement dispatch: a query, a command from parse-commands.ts, or one
 * of the short statements read here (USE, DESCRIBE, CACHE / UNCACHE / CLEAR
 * CACHE, REFRESH, TRUNCATE, RESET, EXPLAIN). Unmodelled statements are
 * NotImplementedExceptions naming them.
 */
import type { StatementAst } from './ast.js';
import { alter } from './parse-alter.js';
import { create, drop, insert, namePosition, partitionSpec, set, show, skipParens } from './parse-commands.js';
import { msck, partitionClause } from './parse-partitions.js';
import { sqlParseError } from './errors.js';
import { isQueryStart, query } from './parse-query.js';
import type { SqlParser } from './parser.js';

/** `PARTITION (k = v, ...)` of DESCRIBE: every key needs a value. */
function describedPartition(p: SqlParser): (readonly [string, string])[] {
  const at = p.expectKw('PARTITION');
  const spec = partitionSpec(p);
  const empty = spec.find(([, v]) => v === null);
  if (empty) {
    throw sqlParseError(p.src, at.start, 'INVALID_SQL_SYNTAX.EMPTY_PARTITION_VALUE', `Invalid SQL syntax: Partition key \`${empty[0]}\` must set value.`, {
      inputString: `\`${empty[0]}\``,
    });
  }
  return spec as (readonly [string, string])[];
}

export function statement(p: SqlParser): StatementAst {
  p.enterQuery();
  const t = p.cur;
  if (isQueryStart(p)) return { kind: 'queryStatement', query: query(p) };
  if (t.kind !== 'ident') throw p.syntaxError();
  switch (t.upper) {
    case 'CREATE':
      return create(p);
    case 'INSERT':
      return insert(p);
    case 'DROP':
      return drop(p);
    case 'USE': {
      p.pos++;
      p.acceptKw('DATABASE') || p.acceptKw('NAMESPACE') || p.acceptKw('SCHEMA');
      return { kind: 'use', name: p.multipartIdentifier().join('.') };
    }
    case 'SHOW':
      return show(p);
    case 'DESCRIBE':
    case 'DESC': {
      p.pos++;
      if (p.acceptKw('FUNCTION')) {
        const extended = p.acceptKw('EXTENDED');
        let name: string;
        if (p.cur.kind === 'string') name = p.tokens[p.pos++]!.value;
        else if (p.cur.kind === 'op') {
          // An operator's name (`DESCRIBE FUNCTION +`, `<=>`), as Spark's grammar allows.
          name = '';
          while (p.cur.kind === 'op' && !p.isOp(';')) name += p.tokens[p.pos++]!.text;
        } else name = p.multipartIdentifier().join('.');
        return { kind: 'describeFunction', name, extended };
      }
      // `DESC TABLE t` describes a table; `DESC [QUERY] TABLE t` (with QUERY) and other query starts describe a query.
      const explicit = p.isKw('QUERY') && isQueryStart(p, p.peek());
      if (explicit) p.pos++;
      if (isQueryStart(p) && (explicit || !p.isKw('TABLE'))) return { kind: 'describeQuery', query: query(p) };
      p.acceptKw('TABLE');
      const extended = p.acceptKw('EXTENDED') || p.acceptKw('FORMATTED');
      const name = p.multipartIdentifier();
      const partition = p.isKw('PARTITION') ? describedPartition(p) : undefined;
      const column = p.cur.kind === 'ident' ? p.multipartIdentifier() : undefined;
      if (partition && column) {
        throw sqlParseError(p.src, t.start, 'UNSUPPORTED_FEATURE.DESC_TABLE_COLUMN_PARTITION', 'The feature is not supported: DESC TABLE COLUMN for a specific partition.', {});
      }
      return { kind: 'describe', name, extended, ...(column ? { column } : {}), ...(partition ? { partition } : {}) };
    }
    case 'SET':
      return set(p);
    case 'RESET': {
      p.pos++;
      const rest = p.src.slice(p.cur.start).trim().replace(/;$/, '').trim();
      p.pos = p.tokens.length - 1;
      return rest ? { kind: 'reset', key: rest } : { kind: 'reset' };
    }
    case 'CACHE': {
      p.pos++;
      p.acceptKw('LAZY');
      p.expectKw('TABLE');
      const name = p.multipartIdentifier();
      if (p.acceptKw('OPTIONS')) skipParens(p);
      p.acceptKw('AS');
      return isQueryStart(p) ? { kind: 'cacheTable', name, query: query(p) } : { kind: 'cacheTable', name };
    }
    case 'UNCACHE': {
      p.pos++;
      p.expectKw('TABLE');
      const ifExists = p.acceptKw('IF', 'EXISTS');
      return { kind: 'uncacheTable', name: p.multipartIdentifier(), ifExists };
    }
    case 'CLEAR':
      p.pos++;
      p.expectKw('CACHE');
      return { kind: 'clearCache' };
    case 'REFRESH':
      p.pos++;
      p.acceptKw('TABLE');
      return { kind: 'refreshTable', name: p.multipartIdentifier() };
    case 'TRUNCATE': {
      p.pos++;
      p.expectKw('TABLE');
      const at = namePosition(p);
      const name = p.multipartIdentifier();
      if (p.isKw('PARTITION')) return { kind: 'partitionCommand', name, at, action: { kind: 'truncate', spec: partitionClause(p, false) } };
      return { kind: 'truncateTable', name };
    }
    case 'EXPLAIN': {
      p.pos++;
      let mode: 'simple' | 'extended' | 'formatted' | 'cost' | 'codegen' = 'simple';
      for (const m of ['EXTENDED', 'FORMATTED', 'COST', 'CODEGEN'] as const) {
        if (p.acceptKw(m)) mode = m.toLowerCase() as typeof mode;
      }
      if (!isQueryStart(p)) throw p.notSupported('EXPLAIN of commands');
      return { kind: 'explain', mode, query: query(p) };
    }
    case 'ALTER':
      return alter(p);
    case 'MERGE':
    case 'UPDATE':
    case 'DELETE':
    case 'MSCK':
      return msck(p);
    case 'ANALYZE':
    case 'ADD':
    case 'LOAD':
    case 'GRANT':
    case 'REVOKE':
      throw p.notSupported(`${t.upper} statements`);
    default:
      throw p.syntaxError();
  }
}
