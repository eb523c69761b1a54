/**
 * Recursive-descent parser for Spark SQL (the subset sparkless models),
 * following the structure and precedence of Spark 3.5's `SqlBaseParser`:
 *
 *   OR < AND < NOT < predicates (BETWEEN, IN, LIKE, IS NULL, ...)
 *      < comparison (= == <> != < <= > >= <=>) < | < ^ < & < (+ - ||)
 *      < (* / % DIV) < unary (- + ~) < postfix ([i], .f) < primary
 *
 * Scalar expressions come out as unresolved expression IR; queries and
 * commands as the AST in `ast.ts`. Syntax errors are ParseExceptions in
 * Spark's `[PARSE_SYNTAX_ERROR] Syntax error at or near 'x'.(line l, pos p)`
 * layout.
 *
 * `SqlParser` is the token cursor and the parse state; the grammar is free
 * functions taking it, one module per family: parse-statements (statement
 * dispatch), parse-commands (DDL / DML / SHOW / SET), parse-query (CTEs, set
 * operations, ORDER BY / LIMIT), parse-select (one SELECT block),
 * parse-relations (FROM), parse-window (sort items, window specs),
 * parse-operators (precedence levels), parse-primary (literals, postfix,
 * type names), parse-calls (names, calls, lambdas) and parse-special-forms
 * (CASE, EXTRACT, TRIM, ...).
 */
import { NotImplementedException } from '../errors/index.js';
import { E, type Expr } from '../expr/nodes.js';
import { ANALYZED_NAME } from '../analyzer/operator-coercion.js';
import { sqlParseError } from './errors.js';
import { ParameterBinder, type SqlArgs } from './parameters.js';
import { constantString } from './constant-string.js';
import { tokenize, type Token } from './lexer.js';
import { expression } from './parse-operators.js';
import { withOrigin } from '../expr/origin.js';
import type { SqlSource } from '../errors/query-context.js';
import { overNamedWindow } from './ordered-set.js';
import { ANSI_RESERVED_KEYWORDS } from './sql-keywords-data.js';

export interface ParserOptions {
  /** `spark.sql.legacy.setopsPrecedence.enabled`: all set operators left-associative with equal precedence. */
  readonly legacySetOpsPrecedence?: boolean;
  /** Values of the `:name` / `?` parameter markers (`spark.sql(query, args)`). */
  readonly args?: SqlArgs;
  /** `spark.sql.parser.quotedRegexColumnNames`: a backquoted name with regex characters in a SELECT item is a column regex. */
  readonly quotedRegexColumnNames?: boolean;
  /**
   * spark.sql.ansi.enabled with spark.sql.ansi.enforceReservedKeywords: Spark's ANSI reserved
   * keywords are no identifiers unless backquoted (a PARSE_SYNTAX_ERROR at the word).
   */
  readonly reservedKeywords?: boolean;
  /** spark.sql.ansi.enabled with spark.sql.ansi.doubleQuotedIdentifiers: `"..."` is an identifier (sql/lexer.ts). */
  readonly doubleQuotedIdentifiers?: boolean;
  /** `spark.sql.legacy.percentileDiscCalculation`: percentile_disc answers with Spark's pre-3.5 formula (sql/ordered-set.ts). */
  readonly legacyPercentileDisc?: boolean;
}

export class SqlParser {
  pos = 0;
  readonly tokens: Token[];
  /** Parsing a statement or query (not an expression string): operators get ANALYZED_NAME. */
  #queryNames = false;
  /** The `?` / `:name` parameter markers' values (read by parse-primary.ts). */
  readonly params: ParameterBinder;
  /** How many SELECT items enclose the current token (Spark applies column regexes anywhere inside one). */
  selectItemDepth = 0;
  /** The text expression origins point into (a CREATE VIEW switches it to the view's query text). */
  source: SqlSource;

  constructor(
    readonly src: string,
    readonly options: ParserOptions = {},
  ) {
    this.tokens = tokenize(src, { doubleQuotedIdentifiers: options.doubleQuotedIdentifiers === true });
    this.source = { text: src, base: 0, objectType: '', objectName: '' };
    this.params = new ParameterBinder(
      options.args,
      this.tokens.filter((t) => t.kind === 'op' && t.value === '?').map((t) => t.start),
    );
  }

  // ---- token helpers -------------------------------------------------------------------

  get cur(): Token {
    return this.tokens[this.pos]!;
  }

  peek(offset = 1): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)]!;
  }

  isKw(kw: string, t: Token = this.cur): boolean {
    return t.kind === 'ident' && t.upper === kw;
  }

  isOp(op: string, t: Token = this.cur): boolean {
    return t.kind === 'op' && t.value === op;
  }

  acceptKw(...kws: string[]): boolean {
    for (let i = 0; i < kws.length; i++) if (!this.isKw(kws[i]!, this.peek(i))) return false;
    this.pos += kws.length;
    return true;
  }

  acceptOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.pos++;
    return true;
  }

  expectKw(kw: string): Token {
    if (!this.isKw(kw)) throw this.syntaxError();
    return this.tokens[this.pos++]!;
  }

  expectOp(op: string): Token {
    if (!this.isOp(op)) throw this.syntaxError();
    return this.tokens[this.pos++]!;
  }

  /** Spark's PARSE_SYNTAX_ERROR at the current token (or `t`). */
  /** A string literal's value (COMMENT, LOCATION, ...); anything else is a syntax error at it. */
  stringLiteral(): string {
    if (this.cur.kind !== 'string') throw this.syntaxError();
    return this.tokens[this.pos++]!.value;
  }

  syntaxError(t: Token = this.cur): Error {
    const near = t.kind === 'eof' ? 'end of input' : `'${t.text}'`;
    return sqlParseError(this.src, t.start, 'PARSE_SYNTAX_ERROR', `Syntax error at or near ${near}.`, { error: near, hint: '' });
  }

  /** A token the grammar has no place for: ANTLR's "extra input" hint when only the end of input follows. */
  extraInput(t: Token = this.cur): Error {
    if (this.peek().kind !== 'eof') return this.syntaxError(t);
    const near = `'${t.text}'`;
    return sqlParseError(this.src, t.start, 'PARSE_SYNTAX_ERROR', `Syntax error at or near ${near}: extra input ${near}.`, { error: near, hint: `: extra input ${near}` });
  }

  notSupported(feature: string): Error {
    return new NotImplementedException(`SQL ${feature}`, `sparkless's SQL front end does not model it`);
  }

  expectEnd(): void {
    while (this.acceptOp(';'));
    if (this.cur.kind !== 'eof') throw this.syntaxError();
    this.params.finish();
  }

  /** An identifier (plain word or backquoted). */
  identifier(): string {
    const t = this.cur;
    if (t.kind === 'ident' || t.kind === 'quoted') {
      this.checkNotReserved(t);
      this.pos++;
      return t.value;
    }
    throw this.syntaxError();
  }

  /** Under enforced ANSI reserved keywords, an unquoted reserved word cannot name anything. */
  checkNotReserved(t: Token = this.cur): void {
    if (this.options.reservedKeywords && t.kind === 'ident' && ANSI_RESERVED_KEYWORDS.has(t.upper)) throw this.syntaxError(t);
  }

  isIdentifier(t: Token = this.cur): boolean {
    return t.kind === 'ident' || t.kind === 'quoted';
  }

  /** `a.b.c` as parts; `IDENTIFIER('a.b')` too. */
  multipartIdentifier(): string[] {
    if (this.isKw('IDENTIFIER') && this.isOp('(', this.peek())) return this.identifierClause();
    const parts = [this.identifier()];
    while (this.isOp('.') && this.isIdentifier(this.peek())) {
      this.pos++;
      parts.push(this.identifier());
    }
    return parts;
  }

  /**
   * `IDENTIFIER(expr)`: a name given as a constant string (a literal, a
   * parameter marker, or a concatenation of them), parsed as `a.b.c`.
   */
  identifierClause(): string[] {
    this.pos++;
    this.expectOp('(');
    const e = expression(this);
    this.expectOp(')');
    const text = constantString(e);
    const sub = new SqlParser(text);
    if (sub.cur.kind === 'eof') throw sub.syntaxError();
    const parts = sub.multipartIdentifier();
    sub.expectEnd();
    return parts;
  }

  identifierList(): string[] {
    this.expectOp('(');
    const names = [this.identifier()];
    while (this.acceptOp(',')) names.push(this.identifier());
    this.expectOp(')');
    return names;
  }

  // ---- parse state ---------------------------------------------------------------------

  /** From here on the text is a statement or query (not an expression string): operators get ANALYZED_NAME. */
  enterQuery(): void {
    this.#queryNames = true;
  }

  /**
   * `e` with its origin: the text from token `start` to the last token read, as
   * Spark's parser records each expression's context (the innermost one wins).
   */
  located<T extends Expr>(start: number, e: T): T {
    if (this.pos <= start) return e;
    const origin = { source: this.source, startIndex: this.tokens[start]!.start, stopIndex: this.tokens[this.pos - 1]!.end - 1 };
    const out = withOrigin(e, origin);
    const orderedSet = out !== e ? overNamedWindow.get(e) : undefined;
    if (orderedSet) overNamedWindow.set(out, orderedSet);
    return out;
  }

  /** Set by `selectItem`: whether the item had a written alias (vs. an Alias carrying a function's Spark name). */
  aliasWasWritten = false;

  /**
   * A binary operator call; in queries it is named as Spark names it after
   * analysis (see ANALYZED_NAME), in expression strings as written.
   */
  operator(fn: string, left: Expr, right: Expr): Expr {
    return E.call(fn, [left, right], this.#queryNames ? { options: { [ANALYZED_NAME]: true } } : {});
  }
}
