/**
 * Spark type strings and DDL schemas: `int`, `array<string>`, `struct<a:int>`,
 * `'id INT, name STRING NOT NULL COMMENT "x"'`. Follows Spark 3.5's
 * `DataTypeAstBuilder` grammar (case-insensitive keywords, backquoted names,
 * optional `:` inside `struct<...>`) and its error messages: `PARSE_SYNTAX_ERROR`
 * with `(line l, pos p)` and the `== SQL ==` excerpt, `UNSUPPORTED_DATATYPE`.
 */
import { AnalysisException, ParseException } from '../errors/exceptions.js';
import {
  ArrayType,
  BINARY,
  BOOLEAN,
  BYTE,
  DATE,
  DataType,
  DecimalType,
  DOUBLE,
  FLOAT,
  INT,
  LONG,
  MapType,
  NULL,
  SHORT,
  STRING,
  StructField,
  StructType,
  TIMESTAMP,
  TIMESTAMP_NTZ,
  CalendarIntervalType,
  DayTimeIntervalType,
  YearMonthIntervalType,
} from './data-types.js';

type TokenKind = 'ident' | 'quoted' | 'int' | 'number' | 'string' | 'punct' | 'eof' | 'error';

interface Token {
  readonly kind: TokenKind;
  /** Source text as written (with quotes/backquotes), used in error messages. */
  readonly text: string;
  /** Identifier name (backquotes removed), string value (unescaped) or punctuation. */
  readonly value: string;
  readonly start: number;
}

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (/[A-Za-z0-9_]/.test(c)) {
      while (i < src.length && /[A-Za-z0-9_]/.test(src[i]!)) i++;
      let text = src.slice(start, i);
      if (/^\d+$/.test(text)) {
        const frac = /^\.\d*(?:[eE][+-]?\d+)?/.exec(src.slice(i));
        if (frac) {
          i += frac[0].length;
          text = src.slice(start, i);
          tokens.push({ kind: 'number', text, value: text, start });
        } else {
          tokens.push({ kind: 'int', text, value: text, start });
        }
      } else {
        tokens.push({ kind: 'ident', text, value: text, start });
      }
      continue;
    }
    if (c === '`') {
      const id = readQuotedIdentifier(src, i);
      if (!id) {
        tokens.push({ kind: 'error', text: src.slice(start), value: '', start });
        break;
      }
      i = id.end;
      tokens.push({ kind: 'quoted', text: src.slice(start, i), value: id.value, start });
      continue;
    }
    if (c === "'" || c === '"') {
      const lit = readStringLiteral(src, i);
      if (!lit) {
        tokens.push({ kind: 'error', text: src.slice(start), value: '', start });
        break;
      }
      i = lit.end;
      tokens.push({ kind: 'string', text: src.slice(start, i), value: lit.value, start });
      continue;
    }
    if (c === '<' && src[i + 1] === '>') {
      tokens.push({ kind: 'punct', text: '<>', value: '<>', start });
      i += 2;
      continue;
    }
    tokens.push({ kind: 'punct', text: c, value: c, start });
    i++;
  }
  tokens.push({ kind: 'eof', text: '<EOF>', value: '', start: src.length });
  return tokens;
}

/** A backquoted identifier starting at `at` (``` `` ``` stands for a backquote); undefined when it is not closed. */
export function readQuotedIdentifier(src: string, at: number): { value: string; end: number } | undefined {
  let value = '';
  let i = at + 1;
  while (i < src.length) {
    if (src[i] === '`') {
      if (src[i + 1] !== '`') return { value, end: i + 1 };
      value += '`';
      i += 2;
      continue;
    }
    value += src[i];
    i++;
  }
  return undefined;
}

const SQL_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', '0': '\0', Z: '\x1a', '%': '\\%', _: '\\_' };

/**
 * Spark's `unescapeSQLString` for a backslash followed by `c`: `\n`, `\t`, `\r`,
 * `\b`, `\0`, `\Z`; `\%` and `\_` keep their backslash (for LIKE); any other
 * character stands for itself.
 */
export function unescapeSqlChar(c: string): string {
  return SQL_ESCAPES[c] ?? c;
}

/** A SQL string literal with backslash escapes (Spark's `unescapeSQLString`); `''` also stands for a quote. */
function readStringLiteral(src: string, at: number): { value: string; end: number } | undefined {
  const quote = src[at]!;
  let value = '';
  let i = at + 1;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\\' && i + 1 < src.length) {
      value += unescapeSqlChar(src[i + 1]!);
      i += 2;
      continue;
    }
    if (c === quote) {
      if (src[i + 1] === quote) {
        value += quote;
        i += 2;
        continue;
      }
      return { value, end: i + 1 };
    }
    value += c;
    i++;
  }
  return undefined;
}

class Parser {
  private pos = 0;
  private readonly tokens: Token[];

  constructor(private readonly src: string) {
    this.tokens = tokenize(src);
  }

  private get cur(): Token {
    return this.tokens[this.pos]!;
  }

  private peek(offset = 1): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  private isKeyword(t: Token, kw: string): boolean {
    return t.kind === 'ident' && t.value.toUpperCase() === kw;
  }

  private isPunct(t: Token, p: string): boolean {
    return t.kind === 'punct' && t.value === p;
  }

  /** Syntax error at the current token; `extra input` when skipping it would let parsing continue. */
  private syntaxError(expectedNext?: (t: Token) => boolean): ParseException {
    const t = this.cur;
    const hint = expectedNext && t.kind !== 'eof' && expectedNext(this.peek()) ? `: extra input ${display(t)}` : '';
    return parseError(this.src, t.start, 'PARSE_SYNTAX_ERROR', `Syntax error at or near ${display(t)}${hint}.`, {
      error: display(t),
      hint,
    });
  }

  private expectPunct(p: string): void {
    if (!this.isPunct(this.cur, p)) throw this.syntaxError((n) => this.isPunct(n, p));
    this.pos++;
  }

  private identifier(): string {
    const t = this.cur;
    if (t.kind === 'ident' || t.kind === 'quoted') {
      this.pos++;
      return t.value;
    }
    throw this.syntaxError((n) => n.kind === 'ident' || n.kind === 'quoted');
  }

  expectEof(): void {
    if (this.cur.kind !== 'eof') throw this.syntaxError((n) => n.kind === 'eof');
  }

  /** `colTypeList`: `name type [NOT NULL] [COMMENT 'c'] (, ...)*`. */
  colTypeList(): StructType {
    const fields = [this.colType(false)];
    while (this.isPunct(this.cur, ',')) {
      this.pos++;
      fields.push(this.colType(false));
    }
    return new StructType(fields);
  }

  /** One column (`inStruct`: a `struct<...>` member, where `:` may follow the name). */
  private colType(inStruct: boolean): StructField {
    const nameToken = this.cur;
    let name = this.identifier();
    if (nameToken.kind === 'ident' && this.isPunct(this.cur, '-')) {
      // Spark's errorCapturingIdentifier: `a-b` must be backquoted.
      while (this.isPunct(this.cur, '-') && this.peek().kind === 'ident') {
        name += '-' + this.peek().value;
        this.pos += 2;
      }
      throw parseError(this.src, nameToken.start, 'INVALID_IDENTIFIER', `The identifier ${name} is invalid. Please, consider quoting it with back-quotes as \`${name}\`.`, { ident: name });
    }
    if (inStruct && this.isPunct(this.cur, ':')) this.pos++;
    const dataType = this.dataType();
    let nullable = true;
    if (this.isKeyword(this.cur, 'NOT')) {
      this.pos++;
      if (!this.isKeyword(this.cur, 'NULL')) throw this.syntaxError((n) => this.isKeyword(n, 'NULL'));
      this.pos++;
      nullable = false;
    }
    let metadata: Record<string, unknown> = {};
    if (this.isKeyword(this.cur, 'COMMENT')) {
      this.pos++;
      const t = this.cur;
      if (t.kind !== 'string') throw this.syntaxError((n) => n.kind === 'string');
      this.pos++;
      metadata = { comment: t.value };
    }
    return new StructField(name, dataType, nullable, metadata);
  }

  dataType(): DataType {
    const t = this.cur;
    if (t.kind !== 'ident' && t.kind !== 'quoted') throw this.syntaxError();
    // A backquoted type name keeps its backquotes (Spark reports `INT` as unsupported).
    const name = (t.kind === 'quoted' ? t.text : t.value).toLowerCase();
    if (t.kind === 'ident' && name === 'array' && this.isPunct(this.peek(), '<')) {
      this.pos += 2;
      const element = this.dataType();
      this.expectPunct('>');
      return new ArrayType(element, true);
    }
    if (t.kind === 'ident' && name === 'map' && this.isPunct(this.peek(), '<')) {
      this.pos += 2;
      const key = this.dataType();
      this.expectPunct(',');
      const value = this.dataType();
      this.expectPunct('>');
      return new MapType(key, value, true);
    }
    if (t.kind === 'ident' && name === 'struct' && this.isPunct(this.peek(), '<>')) {
      this.pos += 2;
      return new StructType([]);
    }
    if (t.kind === 'ident' && name === 'struct' && this.isPunct(this.peek(), '<')) {
      this.pos += 2;
      const fields: StructField[] = [];
      if (!this.isPunct(this.cur, '>')) {
        fields.push(this.colType(true));
        while (this.isPunct(this.cur, ',')) {
          this.pos++;
          fields.push(this.colType(true));
        }
      }
      this.expectPunct('>');
      return new StructType(fields);
    }
    if (t.kind === 'ident' && name === 'interval' && this.peek().kind === 'ident' && !this.isKeyword(this.peek(), 'NOT') && !this.isKeyword(this.peek(), 'COMMENT')) {
      return this.intervalType();
    }
    // primitive: identifier [(INTEGER (, INTEGER)*)]
    this.pos++;
    const params: string[] = [];
    if (this.isPunct(this.cur, '(')) {
      this.pos++;
      for (;;) {
        const p = this.cur;
        if (p.kind !== 'int') throw this.syntaxError();
        params.push(p.text);
        this.pos++;
        if (this.isPunct(this.cur, ',')) {
          this.pos++;
          continue;
        }
        break;
      }
      this.expectPunct(')');
    }
    return primitiveType(this.src, t, name, params);
  }

  /** `interval <unit> [to <unit>]`: a year-month or day-time interval type. */
  private intervalType(): DataType {
    this.pos++;
    const unit = (): number => {
      const u = this.cur;
      const i = u.kind === 'ident' ? INTERVAL_UNITS.indexOf(u.value.toLowerCase()) : -1;
      if (i < 0) throw this.syntaxError();
      this.pos++;
      return i;
    };
    const start = unit();
    let end = start;
    if (this.cur.kind === 'ident' && this.cur.value.toLowerCase() === 'to') {
      this.pos++;
      end = unit();
    }
    if (start <= 1 && end <= 1 && end >= start) return new YearMonthIntervalType(start, end);
    if (start >= 2 && end >= start) return new DayTimeIntervalType(start - 2, end - 2);
    throw this.syntaxError();
  }
}

const INTERVAL_UNITS = ['year', 'month', 'day', 'hour', 'minute', 'second'];

function primitiveType(src: string, t: Token, name: string, params: readonly string[]): DataType {
  const n = params.length;
  switch (name) {
    case 'boolean': if (n === 0) return BOOLEAN; break;
    case 'tinyint': case 'byte': if (n === 0) return BYTE; break;
    case 'smallint': case 'short': if (n === 0) return SHORT; break;
    case 'int': case 'integer': if (n === 0) return INT; break;
    case 'bigint': case 'long': if (n === 0) return LONG; break;
    case 'float': case 'real': if (n === 0) return FLOAT; break;
    case 'double': if (n === 0) return DOUBLE; break;
    case 'date': if (n === 0) return DATE; break;
    case 'timestamp': case 'timestamp_ltz': if (n === 0) return TIMESTAMP; break;
    case 'timestamp_ntz': if (n === 0) return TIMESTAMP_NTZ; break;
    case 'string': if (n === 0) return STRING; break;
    case 'binary': if (n === 0) return BINARY; break;
    case 'void': if (n === 0) return NULL; break;
    // char(n)/varchar(n): sparkless reads them as plain strings (Spark does the same for DataFrame schemas).
    case 'char': case 'character': case 'varchar':
      if (n === 1) return STRING;
      if (n === 0) {
        const ty = `"${name.toUpperCase()}"`;
        throw parseError(src, t.start, 'DATATYPE_MISSING_SIZE', `DataType ${ty} requires a length parameter, for example ${ty}(10). Please specify the length.`, { type: ty });
      }
      break;
    case 'decimal': case 'dec': case 'numeric':
      if (n <= 2) return makeDecimal(n >= 1 ? Number(params[0]) : 10, n === 2 ? Number(params[1]) : 0);
      break;
    case 'interval':
      if (n === 0) return new CalendarIntervalType();
      break;
    default:
      break;
  }
  const typeName = `"${(n > 0 ? `${name}(${params.join(',')})` : name).toUpperCase()}"`;
  return unsupported(src, t, typeName);
}

function unsupported(src: string, t: Token, typeName: string): never {
  throw parseError(src, t.start, 'UNSUPPORTED_DATATYPE', `Unsupported data type ${typeName}.`, { typeName });
}

function makeDecimal(precision: number, scale: number): DecimalType {
  if (precision > DecimalType.MAX_PRECISION) {
    throw new AnalysisException(`Decimal precision ${precision} exceeds max precision ${DecimalType.MAX_PRECISION}.`, {
      errorClass: 'DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION',
      messageParameters: { precision: String(precision), maxPrecision: String(DecimalType.MAX_PRECISION) },
    });
  }
  if (scale > precision) {
    throw new AnalysisException(`Decimal scale (${scale}) cannot be greater than precision (${precision}).`, {
      errorClass: '_LEGACY_ERROR_TEMP_1228',
      messageParameters: { scale: String(scale), precision: String(precision) },
    });
  }
  return new DecimalType(precision, scale);
}

/** ANTLR's token display: `'text'`, or `end of input` at EOF. */
function display(t: Token): string {
  return t.kind === 'eof' ? 'end of input' : `'${t.text}'`;
}

/**
 * A ParseException in Spark's `getMessage` layout:
 * `msg(line l, pos p)\n\n== SQL ==\n<text>\n---^^^\n`.
 */
export function parseError(src: string, offset: number, errorClass: string, message: string, params: Record<string, string>): ParseException {
  const before = src.slice(0, offset);
  const line = before.split('\n').length;
  const pos = offset - (before.lastIndexOf('\n') + 1);
  const lines = src.split('\n');
  let text = `${message}(line ${line}, pos ${pos})\n\n== SQL ==\n`;
  for (const l of lines.slice(0, line)) text += l + '\n';
  text += '-'.repeat(pos) + '^^^\n';
  for (const l of lines.slice(line)) text += l + '\n';
  // Spark's legacy parse errors (an empty class here) carry no error class at all.
  return new ParseException(text, { ...(errorClass ? { errorClass } : {}), messageParameters: params });
}

/**
 * Parses one Spark type string (Spark's `parseDataType`): `int`, `decimal(10,2)`,
 * `array<string>`, `map<string,int>`, `struct<a:int,b string>`. Case-insensitive;
 * `varchar(n)`/`char(n)` give StringType.
 */
export function parseDataType(text: string): DataType {
  const p = new Parser(text);
  const t = p.dataType();
  p.expectEof();
  return t;
}

/** Spark's `parseTableSchema`: `id INT, name STRING NOT NULL COMMENT 'x'` only. */
export function parseTableSchema(ddl: string): StructType {
  const p = new Parser(ddl);
  const s = p.colTypeList();
  p.expectEof();
  return s;
}

/**
 * PySpark's `_parse_datatype_string`: a DDL schema (`a INT, b STRING`), else a
 * single type (`int`, `struct<a:int>`), else the legacy `a: int, b: string` form.
 * When all fail, the error of the DDL-schema attempt is thrown.
 */
export function parseTypeString(text: string): DataType {
  try {
    return parseTableSchema(text);
  } catch (first) {
    if (!ParseException.isParseException(first)) throw first;
    try {
      return parseDataType(text);
    } catch (second) {
      if (!ParseException.isParseException(second)) throw second;
      try {
        return parseDataType(`struct<${text.trim()}>`);
      } catch {
        throw first;
      }
    }
  }
}

/**
 * A schema from DDL text: `'id INT, name STRING NOT NULL, tags ARRAY<STRING>'`,
 * `'a: int, b: string'` or `'struct<a:int>'`. `COMMENT 'x'` becomes field
 * metadata `comment`. Throws ParseException (`PARSE_SYNTAX_ERROR`,
 * `UNSUPPORTED_DATATYPE`) for bad input, including a single non-struct type.
 */
export function parseSchema(ddl: string): StructType {
  let s = schemaCache.get(ddl);
  if (s === undefined) {
    s = parseSchemaUncached(ddl);
    if (schemaCache.size >= SCHEMA_CACHE_SIZE) schemaCache.clear();
    schemaCache.set(ddl, s);
  }
  return s;
}

/**
 * Parsed schemas by text: tests call `createDataFrame(rows, 'id LONG, ...')`
 * with the same few schema strings over and over. Types are immutable, so
 * callers can share them. Bounded (cleared when full); failures are not kept.
 */
const schemaCache = new Map<string, StructType>();
const SCHEMA_CACHE_SIZE = 256;

function parseSchemaUncached(ddl: string): StructType {
  try {
    return parseTableSchema(ddl);
  } catch (first) {
    if (!ParseException.isParseException(first)) throw first;
    let t: DataType | undefined;
    try {
      t = parseDataType(ddl);
    } catch (second) {
      if (!ParseException.isParseException(second)) throw second;
      try {
        t = parseDataType(`struct<${ddl.trim()}>`);
      } catch {
        throw first;
      }
    }
    if (t instanceof StructType) return t;
    throw first;
  }
}

/** Spark's `StructType.toDDL`, e.g. `` id INT,`my col` STRING NOT NULL COMMENT 'x' ``. */
export function toDDL(schema: StructType): string {
  return schema.toDDL();
}

/** Parses Spark's JSON schema form (object or JSON text); the inverse of `jsonValue()`/`json()`. */
export function fromJson(json: unknown): DataType {
  return DataType.fromJson(json);
}
