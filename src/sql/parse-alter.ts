/**
 * `ALTER TABLE` / `ALTER VIEW` statements: RENAME TO, ADD COLUMN(S), RENAME /
 * DROP COLUMN, ALTER | CHANGE COLUMN, SET / UNSET TBLPROPERTIES, SET LOCATION
 * and `ALTER VIEW v AS query`; the partition forms are parse-partitions.ts's.
 * SerDe forms are NotImplementedExceptions naming them.
 */
import { parseTableColumns } from '../types/ddl.js';
import { CHAR_VARCHAR_KEY, charVarcharOfText } from '../types/char-varchar.js';
import type { AlterAction, ColumnDef, CommandAst } from './ast.js';
import { namePosition, propertyList, skipToClose } from './parse-commands.js';
import { dataType } from './parse-primary.js';
import { query } from './parse-query.js';
import { alterPartition, partitionClause } from './parse-partitions.js';
import { ParseException } from '../errors/index.js';
import { sqlParseError } from './errors.js';
import type { Token } from './lexer.js';
import type { SqlParser } from './parser.js';
import type { DataType } from '../types/data-types.js';

export function alter(p: SqlParser): CommandAst {
  const statementStart = p.expectKw('ALTER');
  const view = p.acceptKw('VIEW');
  if (!view) p.expectKw('TABLE');
  const where = namePosition(p);
  const name = p.multipartIdentifier();
  if (view && p.acceptKw('AS')) {
    const from = p.cur.start;
    const q = query(p);
    return { kind: 'alterViewAs', name, at: where, query: q, text: p.src.slice(from, p.tokens[p.pos - 1]!.end) };
  }
  const at = (action: AlterAction): CommandAst => {
    // ALTER VIEW takes RENAME TO and (UN)SET TBLPROPERTIES only.
    if (view && !['renameTo', 'setProperties', 'unsetProperties'].includes(action.kind)) throw p.syntaxError(start);
    return { kind: 'alterTable', name, at: where, view, action };
  };
  const start = p.cur;
  if (!view) {
    if (partitionSerde(p, statementStart)) return at({ kind: 'setSerde', partition: true });
    const partition = alterPartition(p, name, where);
    if (partition) return partition;
  }
  if (!view && p.acceptKw('SET', 'SERDE')) {
    serdeClause(p);
    return at({ kind: 'setSerde', partition: false });
  }
  if (!view && p.acceptKw('REPLACE', 'COLUMNS')) {
    // Spark's grammar also takes the list without parentheses, which its parser then refuses.
    if (!p.isOp('(')) throw operationNotAllowed(p, statementStart, 'ALTER TABLE REPLACE COLUMNS');
    addedColumns(p);
    return at({ kind: 'unsupportedColumnChange', operation: 'REPLACE COLUMNS' });
  }
  if (p.acceptKw('RENAME', 'TO')) return at({ kind: 'renameTo', newName: p.multipartIdentifier() });
  if (p.acceptKw('RENAME', 'COLUMN')) {
    p.multipartIdentifier();
    p.expectKw('TO');
    p.identifier();
    return at({ kind: 'unsupportedColumnChange', operation: 'RENAME COLUMN' });
  }
  if (p.acceptKw('SET', 'TBLPROPERTIES')) return at({ kind: 'setProperties', properties: propertyList(p) });
  if (p.acceptKw('UNSET', 'TBLPROPERTIES')) {
    const ifExists = p.acceptKw('IF', 'EXISTS');
    return at({ kind: 'unsetProperties', keys: propertyKeys(p), ifExists });
  }
  if (p.acceptKw('SET', 'LOCATION')) {
    if (p.cur.kind !== 'string') throw p.syntaxError();
    return at({ kind: 'setLocation', location: p.tokens[p.pos++]!.value });
  }
  if (p.isKw('ADD') && (p.isKw('COLUMN', p.peek()) || p.isKw('COLUMNS', p.peek()))) {
    p.pos += 2;
    return at({ kind: 'addColumns', columns: addedColumns(p) });
  }
  if (p.isKw('DROP') && (p.isKw('COLUMN', p.peek()) || p.isKw('COLUMNS', p.peek()))) {
    p.pos += 2;
    p.acceptKw('IF', 'EXISTS');
    if (p.acceptOp('(')) {
      do p.multipartIdentifier();
      while (p.acceptOp(','));
      p.expectOp(')');
    } else {
      do p.multipartIdentifier();
      while (p.acceptOp(','));
    }
    return at({ kind: 'unsupportedColumnChange', operation: 'DROP COLUMN' });
  }
  if (p.isKw('ALTER') || p.isKw('CHANGE')) {
    const hive = p.isKw('CHANGE');
    p.pos++;
    p.acceptKw('COLUMN');
    return at(columnChange(p, hive, statementStart));
  }
  if (p.isKw('SET') || p.isKw('REPLACE')) throw p.notSupported(`ALTER TABLE ... ${p.cur.upper} ${p.peek().text.toUpperCase()}`);
  throw p.syntaxError();
}

/** `('k1', 'k2')` of UNSET TBLPROPERTIES: string or dotted identifier keys. */
function propertyKeys(p: SqlParser): string[] {
  p.expectOp('(');
  const keys: string[] = [];
  do {
    if (p.cur.kind === 'string') keys.push(p.tokens[p.pos++]!.value);
    else {
      let key = p.identifier();
      while (p.acceptOp('.')) key += '.' + p.identifier();
      keys.push(key);
    }
  } while (p.acceptOp(','));
  p.expectOp(')');
  return keys;
}

/**
 * `(a INT, b STRING COMMENT 'x')` or the same list without parentheses, up to the end of the statement.
 * A position (`FIRST`, `AFTER c`) is read and dropped: Spark's v1 tables append added columns whatever it says.
 */
function addedColumns(p: SqlParser): ColumnDef[] {
  const paren = p.acceptOp('(');
  const pieces: string[] = [];
  let piece = p.cur.start;
  let depth = 0;
  const flush = (end: number): void => {
    pieces.push(p.src.slice(piece, end));
  };
  for (;;) {
    if (p.cur.kind === 'eof' || p.isOp(';') || (paren && depth === 0 && p.isOp(')'))) break;
    if (p.isOp('(') || p.isOp('<')) depth++;
    else if (p.isOp(')') || p.isOp('>')) depth--;
    if (depth === 0 && p.isOp(',')) {
      flush(p.cur.start);
      piece = p.peek().start;
    } else if (depth === 0 && (p.isKw('FIRST') || (p.isKw('AFTER') && p.peek().kind === 'ident'))) {
      flush(p.cur.start);
      p.pos += p.isKw('AFTER') ? 2 : 1;
      piece = -1;
      const t = p.cur;
      if (!p.isOp(',', t) && !(paren && p.isOp(')', t)) && t.kind !== 'eof' && !p.isOp(';', t)) throw p.syntaxError();
      continue;
    }
    p.pos++;
  }
  if (piece >= 0) flush(p.cur.start);
  if (paren) p.expectOp(')');
  const schema = parseTableColumns(pieces.join(','));
  return schema.fields.map((f) => ({
    name: f.name,
    dataType: f.dataType,
    nullable: f.nullable,
    ...(typeof f.metadata['comment'] === 'string' ? { comment: f.metadata['comment'] } : {}),
    ...(typeof f.metadata[CHAR_VARCHAR_KEY] === 'string' ? { charVarchar: f.metadata[CHAR_VARCHAR_KEY] } : {}),
  }));
}

/** A column's new type: its DataType and, for `char(n)`/`varchar(n)`, the declared type. */
function columnType(p: SqlParser): { dataType: DataType; charVarchar?: string } {
  const start = p.cur.start;
  const type = dataType(p);
  const declared = charVarcharOfText(p.src.slice(start, p.tokens[p.pos - 1]!.end));
  return { dataType: type, ...(declared !== undefined ? { charVarchar: declared } : {}) };
}

type ColumnChange = Extract<AlterAction, { kind: 'alterColumn' }>;

/** Spark's parser refusing a statement its grammar takes (_LEGACY_ERROR_TEMP_0035, at the statement). */
const operationNotAllowed = (p: SqlParser, statementStart: Token, message: string): ParseException =>
  sqlParseError(p.src, statementStart.start, '_LEGACY_ERROR_TEMP_0035', `\nOperation not allowed: ${message}.`, { message });

/** `SERDE 'class' [WITH SERDEPROPERTIES (...)]` after SET. */
function serdeClause(p: SqlParser): void {
  if (p.cur.kind !== 'string') throw p.syntaxError();
  p.pos++;
  if (p.acceptKw('WITH', 'SERDEPROPERTIES')) propertyList(p);
}

/**
 * The statements after `ALTER TABLE t PARTITION (...)` that are not partition commands: SET SERDE /
 * SERDEPROPERTIES (true: the command refuses them), and CHANGE [COLUMN], which is in Spark's grammar
 * and which its parser then refuses as a whole, before checking the column change itself.
 */
function partitionSerde(p: SqlParser, statementStart: Token): boolean {
  if (!p.isKw('PARTITION')) return false;
  const before = p.pos;
  partitionClause(p, false);
  if (p.acceptKw('SET', 'SERDE')) {
    serdeClause(p);
    return true;
  }
  if (p.acceptKw('SET', 'SERDEPROPERTIES')) {
    propertyList(p);
    return true;
  }
  if (!p.acceptKw('CHANGE')) {
    p.pos = before;
    return false;
  }
  p.acceptKw('COLUMN');
  try {
    columnChange(p, true, statementStart);
  } catch (e) {
    // Only a syntax error comes first; the change's own refusals (NOT NULL, renames) come after this one.
    if (!(ParseException.isParseException(e) && e.errorClass === '_LEGACY_ERROR_TEMP_0034')) throw e;
  }
  throw operationNotAllowed(p, statementStart, 'ALTER TABLE table PARTITION partition_spec CHANGE COLUMN');
}

/** After `ALTER COLUMN c` / `CHANGE [COLUMN] c`: one action, or Hive's `new_name type [NOT NULL] [COMMENT 'x'] [FIRST | AFTER c]`. */
function columnChange(p: SqlParser, hive: boolean, statementStart: Token): ColumnChange {
  const verb = hive ? 'CHANGE' : 'ALTER';
  const column = p.multipartIdentifier();
  const text = (): string => {
    if (p.cur.kind !== 'string') throw p.syntaxError();
    return p.tokens[p.pos++]!.value;
  };
  const position = (): boolean => {
    if (p.acceptKw('FIRST')) return true;
    if (p.acceptKw('AFTER')) {
      p.identifier();
      return true;
    }
    return false;
  };
  if (p.acceptKw('TYPE')) return { kind: 'alterColumn', verb, column, ...columnType(p) };
  if (p.acceptKw('COMMENT')) return { kind: 'alterColumn', verb, column, comment: text() };
  if (p.acceptKw('SET', 'NOT', 'NULL')) return { kind: 'alterColumn', verb, column, nullable: false };
  if (p.acceptKw('DROP', 'NOT', 'NULL')) return { kind: 'alterColumn', verb, column, nullable: true };
  if (p.acceptKw('DROP', 'DEFAULT')) return { kind: 'alterColumn', verb, column, defaultChange: true };
  if (p.acceptKw('SET', 'DEFAULT')) {
    // The default's expression is not kept: sparkless refuses default changes.
    while (p.cur.kind !== 'eof' && !p.isOp(';')) {
      if (p.isOp('(')) skipToClose(p, p.tokens[p.pos++]!);
      else p.pos++;
    }
    return { kind: 'alterColumn', verb, column, defaultChange: true };
  }
  if (position()) return { kind: 'alterColumn', verb, column, position: true };
  if (!hive) throw p.syntaxError();
  const newName = p.identifier();
  const type = columnType(p);
  const notNull = p.acceptKw('NOT', 'NULL');
  const comment = p.acceptKw('COMMENT') ? text() : undefined;
  const moved = position();
  // Spark's _LEGACY_ERROR_TEMP_0034, positioned at the statement (its text starts with a line break).
  const hiveStyle = (operation: string, hint: string): ParseException =>
    sqlParseError(p.src, statementStart.start, '_LEGACY_ERROR_TEMP_0034', `\n${operation} is not supported in Hive-style ALTER COLUMN, ${hint}.`, {
      operation,
      command: 'ALTER COLUMN',
      msg: `, ${hint}`,
    });
  // Spark's parser refuses a rename here (compared as spark.sql.caseSensitive says, so the command decides) and NOT NULL.
  const renameRefusal = newName !== column[column.length - 1] ? hiveStyle('Renaming column', 'please run RENAME COLUMN instead') : undefined;
  if (notNull && (renameRefusal === undefined || newName.toLowerCase() === column[column.length - 1]!.toLowerCase())) {
    throw hiveStyle('NOT NULL', 'please run ALTER COLUMN ... SET/DROP NOT NULL instead');
  }
  return {
    kind: 'alterColumn',
    verb,
    column,
    newName,
    ...type,
    ...(renameRefusal !== undefined ? { renameRefusal } : {}),
    ...(comment !== undefined ? { comment } : {}),
    ...(moved ? { position: true } : {}),
  };
}
