/**
 * The SQL commands the statement parser hands off: CREATE (TABLE / VIEW /
 * DATABASE / FUNCTION), its column definitions and table clauses
 * (PARTITIONED BY, CLUSTERED BY, TBLPROPERTIES, ...), INSERT, DROP, SHOW and
 * SET. Each takes the `SqlParser` positioned at the command's first keyword.
 */
import { checkBucketCount } from '../api/table-layout.js';
import { StructType } from '../types/data-types.js';
import { parseTableColumns } from '../types/ddl.js';
import { CHAR_VARCHAR_KEY } from '../types/char-varchar.js';
import type { ColumnDef, CommandAst, QueryAst, TableClauses } from './ast.js';
import { partitionClause } from './parse-partitions.js';
import { tempViewUsing } from './parse-temp-view-using.js';
import { sqlParseError } from './errors.js';
import type { Token } from './lexer.js';
import type { Expr } from '../expr/nodes.js';
import { expression } from './parse-operators.js';
import { isQueryStart, looksLikeQuery, query } from './parse-query.js';
import type { SqlParser } from './parser.js';
import { setTimeZone } from './set-time-zone.js';

/**
 * A view's query, whose expressions' origins point into the view's own text (from its
 * first token to its last), as the query contexts of Spark's errors in views quote it.
 */
function viewQuery(p: SqlParser, objectName: string): QueryAst {
  const outer = p.source;
  const source = { text: '', base: p.cur.start, objectType: 'VIEW', objectName };
  p.source = source;
  try {
    const q = query(p);
    source.text = p.src.slice(source.base, p.tokens[p.pos - 1]!.end);
    return q;
  } finally {
    p.source = outer;
  }
}

/** How Spark names a view in a query context: as written for a temp view, qualified otherwise. */
function viewObjectName(name: readonly string[], temporary: boolean, global: boolean): string {
  if (global) return name.length > 1 ? name.join('.') : `global_temp.${name.join('.')}`;
  // A permanent view's stored text is parsed again under its catalog name (sql/permanent-views.ts); this one serves the statement only.
  return temporary ? name.join('.') : ['spark_catalog', ...(name.length > 1 ? [] : ['default']), ...name].join('.');
}

export function create(p: SqlParser): CommandAst {
  p.expectKw('CREATE');
  const replace = p.acceptKw('OR', 'REPLACE');
  const global = p.acceptKw('GLOBAL');
  const temporary = p.acceptKw('TEMPORARY') || p.acceptKw('TEMP');
  if (p.acceptKw('VIEW')) {
    const ifNotExists = p.acceptKw('IF', 'NOT', 'EXISTS');
    const name = p.multipartIdentifier();
    if ((temporary || global) && !ifNotExists) {
      const overFiles = tempViewUsing(p, name, replace, global);
      if (overFiles) return overFiles;
    }
    let columns: string[] | undefined;
    const columnComments: (string | null)[] = [];
    if (p.isOp('(')) {
      p.pos++;
      columns = [];
      do {
        columns.push(p.identifier());
        columnComments.push(p.acceptKw('COMMENT') ? p.stringLiteral() : null);
      } while (p.acceptOp(','));
      p.expectOp(')');
    }
    const { comment, properties } = tableClauses(p);
    p.expectKw('AS');
    const from = p.cur.start;
    const q = viewQuery(p, viewObjectName(name, temporary, global));
    const text = p.src.slice(from, p.tokens[p.pos - 1]!.end);
    return {
      kind: 'createView',
      name,
      replace,
      temporary: temporary || global,
      global,
      ifNotExists,
      ...(columns ? { columns, columnComments } : {}),
      ...(comment !== undefined ? { comment } : {}),
      properties,
      query: q,
      text,
    };
  }
  if (p.acceptKw('TABLE')) {
    if (temporary || global) throw p.syntaxError();
    const ifNotExists = p.acceptKw('IF', 'NOT', 'EXISTS');
    const name = p.multipartIdentifier();
    if (!replace && p.acceptKw('LIKE')) return createLike(p, name, ifNotExists);
    let columns: ColumnDef[] | undefined;
    if (p.isOp('(') && !looksLikeQuery(p, 1)) columns = columnDefs(p);
    let provider: string | undefined;
    // A short name or a class name (`org.example.Source`), kept as written: Spark shows it so in DESC and SHOW CREATE TABLE.
    if (p.acceptKw('USING')) provider = p.multipartIdentifier().join('.');
    const clauses = tableClauses(p);
    let q: QueryAst | undefined;
    if (p.acceptKw('AS') || isQueryStart(p)) q = query(p);
    if (!columns && !q) throw p.syntaxError();
    return {
      kind: 'createTable',
      name,
      replace,
      ifNotExists,
      ...(columns ? { columns } : {}),
      ...(provider ? { provider } : {}),
      clauses,
      ...(q ? { query: q } : {}),
    };
  }
  if (p.acceptKw('DATABASE') || p.acceptKw('SCHEMA') || p.acceptKw('NAMESPACE')) {
    const ifNotExists = p.acceptKw('IF', 'NOT', 'EXISTS');
    const name = p.multipartIdentifier().join('.');
    while (p.cur.kind !== 'eof' && !p.isOp(';')) {
      if (p.acceptKw('COMMENT') || p.acceptKw('LOCATION')) p.stringLiteral();
      else if (p.acceptKw('WITH', 'DBPROPERTIES') || p.acceptKw('WITH', 'PROPERTIES')) skipParens(p);
      else throw p.syntaxError();
    }
    return { kind: 'createDatabase', name, ifNotExists };
  }
  throw p.syntaxError();
}

/** `LIKE source` then USING / LOCATION / TBLPROPERTIES in any order (Spark's grammar has no other clause here). */
function createLike(p: SqlParser, name: readonly string[], ifNotExists: boolean): CommandAst {
  const source = p.multipartIdentifier();
  let provider: string | undefined;
  if (p.acceptKw('USING')) provider = p.identifier().toLowerCase();
  const clauses = tableClauses(p);
  if (clauses.options.length > 0 || clauses.partitionColumns.length > 0 || clauses.bucketSpec || clauses.comment !== undefined) throw p.syntaxError();
  return {
    kind: 'createTableLike',
    name,
    source,
    ifNotExists,
    ...(provider !== undefined ? { provider } : {}),
    ...(clauses.location !== undefined ? { location: clauses.location } : {}),
    properties: clauses.properties,
  };
}

/**
 * `(a INT, b STRING NOT NULL COMMENT 'x', c INT DEFAULT 42)`: read with the DDL schema parser, each
 * `DEFAULT expr` taken out first and parsed as a SQL expression.
 */
export function columnDefs(p: SqlParser): ColumnDef[] {
  const open = p.expectOp('(');
  let text = '';
  let from = p.cur.start;
  const defaults = new Map<number, { text: string; expr: Expr }>();
  let column = 0;
  let depth = 0;
  while (!(depth === 0 && p.isOp(')'))) {
    if (p.cur.kind === 'eof') return skipToClose(p, open) as never;
    if (p.isOp('(') || p.isOp('<')) depth++;
    else if (p.isOp(')') || p.isOp('>')) depth--;
    else if (depth === 0 && p.isOp(',')) column++;
    else if (depth === 0 && p.isKw('DEFAULT')) {
      text += p.src.slice(from, p.cur.start);
      p.pos++;
      const start = p.cur;
      const expr = expression(p);
      defaults.set(column, { text: p.src.slice(start.start, p.tokens[p.pos - 1]!.end), expr });
      from = p.cur.start;
      continue;
    }
    p.pos++;
  }
  text += p.src.slice(from, p.cur.start);
  p.pos++;
  const schema: StructType = parseTableColumns(text);
  return schema.fields.map((f, i) => ({
    name: f.name,
    dataType: f.dataType,
    nullable: f.nullable,
    ...(typeof f.metadata['comment'] === 'string' ? { comment: f.metadata['comment'] } : {}),
    ...(typeof f.metadata[CHAR_VARCHAR_KEY] === 'string' ? { charVarchar: f.metadata[CHAR_VARCHAR_KEY] } : {}),
    ...(defaults.has(i) ? { default: defaults.get(i)! } : {}),
  }));
}

/** CREATE TABLE's `OPTIONS`, `PARTITIONED BY`, `CLUSTERED BY ... [SORTED BY ...] INTO n BUCKETS`, `COMMENT`, `LOCATION`, `TBLPROPERTIES`. */
export function tableClauses(p: SqlParser): TableClauses {
  let options: (readonly [string, string])[] = [];
  let properties: (readonly [string, string])[] = [];
  let partitionColumns: string[] = [];
  let bucketSpec: TableClauses['bucketSpec'];
  let comment: string | undefined;
  let location: string | undefined;
  const text = (): string => p.stringLiteral();
  for (;;) {
    if (p.acceptKw('OPTIONS')) options = propertyList(p);
    else if (p.acceptKw('TBLPROPERTIES')) properties = propertyList(p);
    else if (p.acceptKw('PARTITIONED', 'BY')) partitionColumns = p.identifierList();
    else if (p.acceptKw('CLUSTERED', 'BY')) {
      const bucketColumns = p.identifierList();
      const sortColumns = p.acceptKw('SORTED', 'BY') ? sortedColumns(p) : [];
      p.expectKw('INTO');
      if (p.cur.kind !== 'number') throw p.syntaxError();
      const numBuckets = Number(p.tokens[p.pos++]!.text);
      p.expectKw('BUCKETS');
      checkBucketCount(numBuckets, true);
      bucketSpec = { numBuckets, bucketColumns, sortColumns };
    } else if (p.acceptKw('COMMENT')) comment = text();
    else if (p.acceptKw('LOCATION')) location = text();
    else if (p.isKw('STORED') || p.isKw('ROW')) throw p.notSupported('Hive table clauses (STORED AS, ROW FORMAT)');
    else break;
  }
  return { options, partitionColumns, ...(bucketSpec ? { bucketSpec } : {}), ...(comment !== undefined ? { comment } : {}), ...(location !== undefined ? { location } : {}), properties };
}

/** `(a [ASC], b)` of SORTED BY: Spark's bucket sort columns are ascending. */
export function sortedColumns(p: SqlParser): string[] {
  p.expectOp('(');
  const cols: string[] = [];
  do {
    cols.push(p.identifier());
    if (p.isKw('DESC')) throw p.notSupported('SORTED BY ... DESC');
    p.acceptKw('ASC');
  } while (p.acceptOp(','));
  p.expectOp(')');
  return cols;
}

/** `(key = value, ...)`: keys are dotted identifiers or strings; values strings, numbers, booleans or identifiers (`=` optional). */
export function propertyList(p: SqlParser): (readonly [string, string])[] {
  p.expectOp('(');
  const out: (readonly [string, string])[] = [];
  do {
    let key: string;
    if (p.cur.kind === 'string') key = p.tokens[p.pos++]!.value;
    else {
      key = p.identifier();
      while (p.acceptOp('.')) key += '.' + p.identifier();
    }
    p.acceptOp('=');
    const v = p.tokens[p.pos++]!;
    if (v.kind === 'eof' || v.kind === 'quoted' || v.kind === 'binary' || (v.kind === 'op' && v.text !== '-') || (v.kind === 'ident' && v.upper !== 'TRUE' && v.upper !== 'FALSE')) throw p.syntaxError();
    const value = v.kind === 'string' ? v.value : v.kind === 'op' ? '-' + p.tokens[p.pos++]!.text : v.kind === 'ident' ? v.text.toLowerCase() : v.text;
    out.push([key, value]);
  } while (p.acceptOp(','));
  p.expectOp(')');
  return out;
}

/** Skips `OPTIONS (...)`, `PARTITIONED BY (...)`, `COMMENT '..'`, `TBLPROPERTIES (...)`, `LOCATION '..'`... */
export function skipTableClauses(p: SqlParser): void {
  for (;;) {
    if (p.acceptKw('OPTIONS') || p.acceptKw('TBLPROPERTIES')) skipParens(p);
    else if (p.acceptKw('PARTITIONED', 'BY') || p.acceptKw('CLUSTERED', 'BY') || p.acceptKw('SORTED', 'BY')) skipParens(p);
    else if (p.acceptKw('COMMENT') || p.acceptKw('LOCATION')) p.stringLiteral();
    else if (p.acceptKw('STORED', 'AS')) p.pos++;
    else if (p.acceptKw('INTO') && p.cur.kind === 'number' && p.isKw('BUCKETS', p.peek())) p.pos += 2;
    else return;
  }
}

export function skipParens(p: SqlParser): void {
  const open = p.expectOp('(');
  skipToClose(p, open);
}

/** Moves past the `)` matching `open` (already consumed) and returns it. */
export function skipToClose(p: SqlParser, open: Token): Token {
  let depth = 1;
  while (p.cur.kind !== 'eof') {
    const t = p.tokens[p.pos++]!;
    if (p.isOp('(', t)) depth++;
    else if (p.isOp(')', t) && --depth === 0) return t;
  }
  throw sqlParseError(p.src, open.start, 'PARSE_SYNTAX_ERROR', `Syntax error at or near end of input.`, { error: 'end of input', hint: '' });
}

export function insert(p: SqlParser): CommandAst {
  p.expectKw('INSERT');
  let overwrite = false;
  if (p.acceptKw('OVERWRITE')) overwrite = true;
  else p.expectKw('INTO');
  p.acceptKw('TABLE');
  const name = p.multipartIdentifier();
  const partition = p.isKw('PARTITION') ? partitionClause(p, false) : undefined;
  // `INSERT OVERWRITE t PARTITION (...) IF NOT EXISTS` (Hive's form) is not modelled.
  if (partition && p.isKw('IF')) throw p.notSupported('INSERT OVERWRITE ... PARTITION ... IF NOT EXISTS');
  let columns: string[] | undefined;
  if (p.isOp('(') && !looksLikeQuery(p, 1)) columns = p.identifierList();
  const q = query(p);
  return { kind: 'insert', name, overwrite, ...(columns ? { columns } : {}), ...(partition ? { partition } : {}), query: q };
}

export function drop(p: SqlParser): CommandAst {
  p.expectKw('DROP');
  if (p.acceptKw('TABLE') || p.isKw('VIEW')) {
    const view = p.acceptKw('VIEW');
    const ifExists = p.acceptKw('IF', 'EXISTS');
    const name = p.multipartIdentifier();
    p.acceptKw('PURGE');
    return { kind: 'dropTable', name, ifExists, view };
  }
  if (p.acceptKw('DATABASE') || p.acceptKw('SCHEMA') || p.acceptKw('NAMESPACE')) {
    const ifExists = p.acceptKw('IF', 'EXISTS');
    const name = p.multipartIdentifier().join('.');
    const cascade = p.acceptKw('CASCADE');
    if (!cascade) p.acceptKw('RESTRICT');
    return { kind: 'dropDatabase', name, ifExists, cascade };
  }
  throw p.syntaxError();
}

export function show(p: SqlParser): CommandAst {
  p.expectKw('SHOW');
  if (p.acceptKw('TABLES')) {
    let database: string | undefined;
    if (p.acceptKw('FROM') || p.acceptKw('IN')) database = p.multipartIdentifier().join('.');
    p.acceptKw('LIKE');
    const pattern = p.cur.kind === 'string' ? p.tokens[p.pos++]!.value : undefined;
    return { kind: 'showTables', ...(database ? { database } : {}), ...(pattern !== undefined ? { pattern } : {}) };
  }
  if (p.acceptKw('TABLE', 'EXTENDED')) {
    const database = p.acceptKw('FROM') || p.acceptKw('IN') ? p.multipartIdentifier().join('.') : undefined;
    p.expectKw('LIKE');
    if (p.cur.kind !== 'string') throw p.syntaxError();
    const pattern = p.tokens[p.pos++]!.value;
    const partition = p.isKw('PARTITION') ? partitionClause(p, false) : undefined;
    return { kind: 'showTableExtended', ...(database !== undefined ? { database } : {}), pattern, ...(partition ? { partition } : {}) };
  }
  if (p.acceptKw('DATABASES') || p.acceptKw('SCHEMAS') || p.acceptKw('NAMESPACES')) {
    p.acceptKw('LIKE');
    const pattern = p.cur.kind === 'string' ? p.tokens[p.pos++]!.value : undefined;
    return { kind: 'showDatabases', ...(pattern !== undefined ? { pattern } : {}) };
  }
  if (p.acceptKw('VIEWS')) {
    let database: string | undefined;
    if (p.acceptKw('FROM') || p.acceptKw('IN')) database = p.multipartIdentifier().join('.');
    p.acceptKw('LIKE');
    const pattern = p.cur.kind === 'string' ? p.tokens[p.pos++]!.value : undefined;
    return { kind: 'showViews', ...(database ? { database } : {}), ...(pattern !== undefined ? { pattern } : {}) };
  }
  if (p.acceptKw('COLUMNS')) {
    if (!p.acceptKw('FROM')) p.expectKw('IN');
    const at = namePosition(p);
    const name = p.multipartIdentifier();
    const database = p.acceptKw('FROM') || p.acceptKw('IN') ? p.multipartIdentifier().join('.') : undefined;
    return { kind: 'showColumns', name, at, ...(database !== undefined ? { database } : {}) };
  }
  if (p.acceptKw('TBLPROPERTIES')) {
    const at = namePosition(p);
    const name = p.multipartIdentifier();
    if (!p.acceptOp('(')) return { kind: 'showTblProperties', name, at };
    let key: string;
    if (p.cur.kind === 'string') key = p.tokens[p.pos++]!.value;
    else {
      key = p.identifier();
      while (p.acceptOp('.')) key += '.' + p.identifier();
    }
    p.expectOp(')');
    return { kind: 'showTblProperties', name, at, key };
  }
  if (p.acceptKw('PARTITIONS')) {
    const at = namePosition(p);
    const name = p.multipartIdentifier();
    return p.acceptKw('PARTITION') ? { kind: 'showPartitions', name, at, spec: partitionSpec(p) } : { kind: 'showPartitions', name, at };
  }
  if (p.acceptKw('CREATE', 'TABLE')) {
    const at = namePosition(p);
    const name = p.multipartIdentifier();
    return { kind: 'showCreateTable', name, at, asSerde: p.acceptKw('AS', 'SERDE') };
  }
  const start = p.pos;
  const scope = p.acceptKw('USER') ? 'user' : p.acceptKw('SYSTEM') ? 'system' : p.acceptKw('ALL') ? 'all' : undefined;
  if (p.acceptKw('FUNCTIONS')) {
    if (p.acceptKw('FROM') || p.acceptKw('IN')) p.multipartIdentifier();
    p.acceptKw('LIKE');
    const pattern = p.cur.kind === 'string' ? p.tokens[p.pos++]!.value : undefined;
    return { kind: 'showFunctions', scope: scope ?? 'all', ...(pattern !== undefined ? { pattern } : {}) };
  }
  p.pos = start;
  throw p.notSupported(`SHOW ${p.cur.text}`);
}

/** `(k = v, k2)` after PARTITION: values are literals kept as their text (a key without a value is NULL). */
export function partitionSpec(p: SqlParser): (readonly [string, string | null])[] {
  p.expectOp('(');
  const out: (readonly [string, string | null])[] = [];
  do {
    const key = p.identifier();
    if (!p.acceptOp('=')) {
      out.push([key, null]);
      continue;
    }
    const v = p.tokens[p.pos++]!;
    if (v.kind === 'string' || v.kind === 'number') out.push([key, v.kind === 'string' ? v.value : v.text]);
    else if (v.kind === 'op' && v.text === '-' && p.cur.kind === 'number') out.push([key, '-' + p.tokens[p.pos++]!.text]);
    else if (v.kind === 'ident' && ['TRUE', 'FALSE', 'NULL'].includes(v.upper)) out.push([key, v.upper === 'NULL' ? null : v.text.toLowerCase()]);
    else throw p.syntaxError(v);
  } while (p.acceptOp(','));
  p.expectOp(')');
  return out;
}

/** Spark's `; line L pos P` of the current token (the relation name), as its relation errors end. */
export function namePosition(p: SqlParser): string {
  const before = p.src.slice(0, p.cur.start);
  return `; line ${before.split('\n').length} pos ${p.cur.start - (before.lastIndexOf('\n') + 1)}`;
}

/** `SET`, `SET key`, `SET key=value` (Spark reads the raw text). */
export function set(p: SqlParser): CommandAst {
  const setTok = p.expectKw('SET');
  if (p.isKw('TIME') && p.isKw('ZONE', p.peek())) return setTimeZone(p, setTok.start);
  const rest = p.src.slice(setTok.end).trim().replace(/;\s*$/, '').trim();
  p.pos = p.tokens.length - 1;
  if (rest === '' || rest === '-v') return { kind: 'set' };
  const eq = rest.indexOf('=');
  if (eq < 0) return { kind: 'set', key: rest };
  return { kind: 'set', key: rest.slice(0, eq).trim(), value: rest.slice(eq + 1).trim() };
}
