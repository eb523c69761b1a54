/**
 * The partition statements' grammar: `PARTITION (k = v, ...)` clauses and
 * `ALTER TABLE t ADD | DROP PARTITION ...`, `ALTER TABLE t PARTITION (...)
 * RENAME TO | SET LOCATION`, `ALTER TABLE t RECOVER PARTITIONS`,
 * `MSCK REPAIR TABLE t [ADD | DROP | SYNC PARTITIONS]`, `TRUNCATE TABLE t PARTITION (...)`.
 */
import type { CommandAst, PartitionAction, PartitionSpecAst } from './ast.js';
import { sqlParseError } from './errors.js';
import type { SqlParser } from './parser.js';
import { namePosition } from './parse-commands.js';

/** `PARTITION (k [= v], ...)`: values kept as the literal's text; a repeated key is Spark's DUPLICATE_KEY. */
export function partitionClause(p: SqlParser, requireValues: boolean): PartitionSpecAst {
  const at = p.expectKw('PARTITION');
  p.expectOp('(');
  const out: { key: string; value?: string | null }[] = [];
  do {
    const key = p.identifier();
    if (!p.acceptOp('=')) out.push({ key });
    else out.push({ key, value: partitionValue(p) });
  } while (p.acceptOp(','));
  p.expectOp(')');
  const seen = new Set<string>();
  for (const { key } of out) {
    const k = key.toLowerCase();
    if (seen.has(k)) throw sqlParseError(p.src, at.start, 'DUPLICATE_KEY', `Found duplicate keys \`${key}\`.`, { keyColumn: `\`${key}\`` });
    seen.add(k);
  }
  const empty = out.find((e) => e.value === undefined);
  if (requireValues && empty) {
    throw sqlParseError(p.src, at.start, 'INVALID_SQL_SYNTAX.EMPTY_PARTITION_VALUE', `Invalid SQL syntax: Partition key \`${empty.key}\` must set value.`, {
      inputString: `\`${empty.key}\``,
    });
  }
  return out;
}

function partitionValue(p: SqlParser): string | null {
  const v = p.tokens[p.pos++]!;
  if (v.kind === 'string') return v.value;
  if (v.kind === 'number') return v.text;
  if (v.kind === 'op' && (v.text === '-' || v.text === '+') && p.cur.kind === 'number') return (v.text === '-' ? '-' : '') + p.tokens[p.pos++]!.text;
  if (v.kind === 'ident' && v.upper === 'NULL') return null;
  if (v.kind === 'ident' && (v.upper === 'TRUE' || v.upper === 'FALSE')) return v.text.toLowerCase();
  throw p.syntaxError(v);
}

function stringLiteral(p: SqlParser): string {
  if (p.cur.kind !== 'string') throw p.syntaxError();
  return p.tokens[p.pos++]!.value;
}

/** The partition forms of `ALTER TABLE name ...` (the cursor after the name), or undefined when the statement is another ALTER. */
export function alterPartition(p: SqlParser, name: readonly string[], at: string): CommandAst | undefined {
  const command = (action: PartitionAction): CommandAst => ({ kind: 'partitionCommand', name, at, action });
  if (p.isKw('PARTITION')) {
    const spec = partitionClause(p, true);
    if (p.acceptKw('RENAME', 'TO')) return command({ kind: 'rename', from: spec, to: partitionClause(p, true) });
    if (p.acceptKw('SET', 'LOCATION')) return command({ kind: 'setLocation', spec, location: stringLiteral(p) });
    throw p.syntaxError();
  }
  if (p.isKw('ADD') && (p.isKw('PARTITION', p.peek()) || p.isKw('IF', p.peek()))) {
    p.pos++;
    const ifNotExists = p.acceptKw('IF', 'NOT', 'EXISTS');
    const partitions: { spec: PartitionSpecAst; location?: string }[] = [];
    do {
      const spec = partitionClause(p, true);
      partitions.push(p.acceptKw('LOCATION') ? { spec, location: stringLiteral(p) } : { spec });
    } while (p.isKw('PARTITION'));
    return command({ kind: 'add', ifNotExists, partitions });
  }
  if (p.isKw('DROP') && (p.isKw('PARTITION', p.peek()) || p.isKw('IF', p.peek()))) {
    p.pos++;
    const ifExists = p.acceptKw('IF', 'EXISTS');
    const specs: PartitionSpecAst[] = [];
    do specs.push(partitionClause(p, true));
    while (p.acceptOp(','));
    // PURGE skips a trash directory; sparkless deletes the rows either way.
    p.acceptKw('PURGE');
    return command({ kind: 'drop', ifExists, specs });
  }
  if (p.acceptKw('RECOVER', 'PARTITIONS')) return command({ kind: 'recover', command: 'ALTER TABLE RECOVER PARTITIONS' });
  return undefined;
}

/** `MSCK REPAIR TABLE t [{ADD | DROP | SYNC} PARTITIONS]` (the cursor on MSCK). */
export function msck(p: SqlParser): CommandAst {
  p.expectKw('MSCK');
  p.expectKw('REPAIR');
  p.expectKw('TABLE');
  const at = namePosition(p);
  const name = p.multipartIdentifier();
  // Which way to sync makes no difference here: the catalog's partitions are always the stored ones.
  if (p.acceptKw('ADD') || p.acceptKw('DROP') || p.acceptKw('SYNC')) p.expectKw('PARTITIONS');
  return { kind: 'partitionCommand', name, at, action: { kind: 'recover', command: 'MSCK REPAIR TABLE' } };
}
