/**
 * Recursive-descent parser for Spark SQL (the subset sparkless models),
 * following the structure and precedence of Spark 3.5's `SqlBaseParser`:
 *
 *   OR < AND < NOT < predicates (BETWEEN, IN, LIKE, IS NULL, ...)
 *      < comparison (= == <> != < <= > >= <=>) < | < ^ < & < (+ - ||)
 *      < (* / % DIV) < unary (- + ~) < postfix ([i], .f, ::type) < primary
 *
 * Scalar expressions come out as unresolved expression IR; queries and
 * commands as the AST in `ast.ts`. Syntax errors are ParseExceptions in
 * Spark's `[PARSE_SYNTAX_ERROR] Syntax error at or near 'x'.(line l, pos p)`
 * layout.
 */
import { AnalysisException, NotImplementedException } from '../errors/index.js';
import { E, mapChildren, type Expr, type FrameBoundary, type SortOrder, type WindowFrame, type WindowSpecDef } from '../expr/nodes.js';
import type { JoinType } from '../plan/nodes.js';
import { StructType, type DataType } from '../types/data-types.js';
import { parseDataType } from '../types/ddl.js';
import type {
  ColumnDef,
  CommandAst,
  CteAst,
  GroupByAst,
  QueryAst,
  RelationAst,
  SelectAst,
  StatementAst,
  TableAlias,
  TableClauses,
} from './ast.js';
import { ANALYZED_NAME } from '../analyzer/operator-coercion.js';
import { sqlParseError } from './errors.js';
import { ParameterBinder, type SqlArgs } from './parameters.js';
import { constantString } from './constant-string.js';
import { named, prettySql } from './functions.js';
import { windowSpecSql } from '../expr/naming.js';
import { tokenize, type Token } from './lexer.js';
import { binaryLiteral, numberLiteral, stringLiteral } from './literals.js';
import { intervalLiteral, type IntervalPart } from './interval-literal.js';
import { aliasName, groupBy, groupingSetList, select, selectItem } from './parse-select.js';
import { functionCall, identPrimary, lambda, lambdaBody, parenthesized } from './parse-calls.js';
import { additive, and, bitAnd, bitOr, bitXor, comparison, likePredicate, multiplicative, not, or, predicated, unary } from './parse-operators.js';
import { frameBound, sortItem, sortItems, windowFrame, windowSpec } from './parse-window.js';
import { caseExpr, existsSubquery, extract, overlay, position, substring, trim } from './parse-special-forms.js';
import { fromClause, integerValue, joinType, lateralView, parenthesizedNames, pivot, relation, relationPrimary, tableAlias, tableSample, unpivot } from './parse-relations.js';
import { withOrigin } from '../expr/origin.js';
import type { SqlSource } from '../errors/query-context.js';
import { overNamedWindow } from './ordered-set.js';
import { columnDefs, create, drop, insert, propertyList, set, show, skipParens, skipTableClauses, skipToClose, sortedColumns, tableClauses } from './parse-commands.js';

/**
 * Subquery expressions, kept as placeholder calls holding the subquery's AST
 * (`options.query`); the translator evaluates them (uncorrelated subqueries only).
 */
export const SUBQUERY = { scalar: '__sql_scalar_subquery', in: '__sql_in_subquery', exists: '__sql_exists_subquery' } as const;

/** Window specs written as `OVER w`: replaced by the WINDOW clause definition when the query is translated. */
export const namedWindowRefs = new WeakMap<WindowSpecDef, string>();

const SET_OPS: Readonly<Record<string, 'union' | 'except' | 'intersect'>> = { UNION: 'union', EXCEPT: 'except', MINUS: 'except', INTERSECT: 'intersect' };

export interface ParserOptions {
  /** `spark.sql.legacy.setopsPrecedence.enabled`: all set operators left-associative with equal precedence. */
  readonly legacySetOpsPrecedence?: boolean;
  /** Values of the `:name` / `?` parameter markers (`spark.sql(query, args)`). */
  readonly args?: SqlArgs;
}

export class SqlParser {
  pos = 0;
  readonly tokens: Token[];
  /** Parsing a statement or query (not an expression string): operators get ANALYZED_NAME. */
  #queryNames = false;
  readonly #params: ParameterBinder;
  /** The text expression origins point into (a CREATE VIEW switches it to the view's query text). */
  source: SqlSource;

  constructor(
    readonly src: string,
    private readonly options: ParserOptions = {},
  ) {
    this.tokens = tokenize(src);
    this.source = { text: src, base: 0, objectType: '', objectName: '' };
    this.#params = new ParameterBinder(
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
  syntaxError(t: Token = this.cur): Error {
    const near = t.kind === 'eof' ? 'end of input' : `'${t.text}'`;
    return sqlParseError(this.src, t.start, 'PARSE_SYNTAX_ERROR', `Syntax error at or near ${near}.`, { error: near, hint: '' });
  }

  notSupported(feature: string): Error {
    return new NotImplementedException(`SQL ${feature}`, `sparkless's SQL front end does not model it`);
  }

  expectEnd(): void {
    while (this.acceptOp(';'));
    if (this.cur.kind !== 'eof') throw this.syntaxError();
    this.#params.finish();
  }

  /** An identifier (plain word or backquoted). */
  identifier(): string {
    const t = this.cur;
    if (t.kind === 'ident' || t.kind === 'quoted') {
      this.pos++;
      return t.value;
    }
    throw this.syntaxError();
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
    const e = this.expression();
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

  // ---- statements ------------------------------------------------------------------------

  statement(): StatementAst {
    this.#queryNames = true;
    const t = this.cur;
    if (this.isQueryStart()) return { kind: 'queryStatement', query: this.query() };
    if (t.kind !== 'ident') throw this.syntaxError();
    switch (t.upper) {
      case 'CREATE':
        return this.create();
      case 'INSERT':
        return this.insert();
      case 'DROP':
        return this.drop();
      case 'USE': {
        this.pos++;
        this.acceptKw('DATABASE') || this.acceptKw('NAMESPACE') || this.acceptKw('SCHEMA');
        return { kind: 'use', name: this.multipartIdentifier().join('.') };
      }
      case 'SHOW':
        return this.show();
      case 'DESCRIBE':
      case 'DESC': {
        this.pos++;
        if (this.acceptKw('FUNCTION')) {
          const extended = this.acceptKw('EXTENDED');
          let name: string;
          if (this.cur.kind === 'string') name = this.tokens[this.pos++]!.value;
          else if (this.cur.kind === 'op') {
            // An operator's name (`DESCRIBE FUNCTION +`, `<=>`), as Spark's grammar allows.
            name = '';
            while (this.cur.kind === 'op' && !this.isOp(';')) name += this.tokens[this.pos++]!.text;
          } else name = this.multipartIdentifier().join('.');
          return { kind: 'describeFunction', name, extended };
        }
        this.acceptKw('TABLE');
        const extended = this.acceptKw('EXTENDED') || this.acceptKw('FORMATTED');
        if (this.isQueryStart()) throw this.notSupported('DESCRIBE QUERY');
        const name = this.multipartIdentifier();
        if (this.isKw('PARTITION')) throw this.notSupported('DESCRIBE TABLE ... PARTITION');
        const column = this.cur.kind === 'ident' ? this.multipartIdentifier() : undefined;
        return { kind: 'describe', name, extended, ...(column ? { column } : {}) };
      }
      case 'SET':
        return this.set();
      case 'RESET': {
        this.pos++;
        const rest = this.src.slice(this.cur.start).trim().replace(/;$/, '').trim();
        this.pos = this.tokens.length - 1;
        return rest ? { kind: 'reset', key: rest } : { kind: 'reset' };
      }
      case 'CACHE': {
        this.pos++;
        this.acceptKw('LAZY');
        this.expectKw('TABLE');
        const name = this.multipartIdentifier();
        if (this.acceptKw('OPTIONS')) this.skipParens();
        this.acceptKw('AS');
        return this.isQueryStart() ? { kind: 'cacheTable', name, query: this.query() } : { kind: 'cacheTable', name };
      }
      case 'UNCACHE': {
        this.pos++;
        this.expectKw('TABLE');
        const ifExists = this.acceptKw('IF', 'EXISTS');
        return { kind: 'uncacheTable', name: this.multipartIdentifier(), ifExists };
      }
      case 'CLEAR':
        this.pos++;
        this.expectKw('CACHE');
        return { kind: 'clearCache' };
      case 'REFRESH':
        this.pos++;
        this.acceptKw('TABLE');
        return { kind: 'refreshTable', name: this.multipartIdentifier() };
      case 'TRUNCATE': {
        this.pos++;
        this.expectKw('TABLE');
        const name = this.multipartIdentifier();
        if (this.isKw('PARTITION')) throw this.notSupported('TRUNCATE TABLE ... PARTITION');
        return { kind: 'truncateTable', name };
      }
      case 'EXPLAIN': {
        this.pos++;
        let mode: 'simple' | 'extended' | 'formatted' | 'cost' | 'codegen' = 'simple';
        for (const m of ['EXTENDED', 'FORMATTED', 'COST', 'CODEGEN'] as const) {
          if (this.acceptKw(m)) mode = m.toLowerCase() as typeof mode;
        }
        if (!this.isQueryStart()) throw this.notSupported('EXPLAIN of commands');
        return { kind: 'explain', mode, query: this.query() };
      }
      case 'ALTER':
      case 'MERGE':
      case 'UPDATE':
      case 'DELETE':
      case 'ANALYZE':
      case 'MSCK':
      case 'ADD':
      case 'LOAD':
      case 'GRANT':
      case 'REVOKE':
        throw this.notSupported(`${t.upper} statements`);
      default:
        throw this.syntaxError();
    }
  }

  /** True when the tokens from `offset` (after any opening parentheses) start a query. */
  looksLikeQuery(offset = 0): boolean {
    let k = offset;
    while (this.isOp('(', this.peek(k))) k++;
    const t = this.peek(k);
    return t.kind === 'ident' && ['SELECT', 'WITH', 'VALUES', 'TABLE', 'FROM'].includes(t.upper);
  }

  isQueryStart(t: Token = this.cur): boolean {
    if (this.isOp('(', t)) return true;
    return t.kind === 'ident' && ['SELECT', 'WITH', 'VALUES', 'TABLE', 'FROM'].includes(t.upper);
  }

  private create(): CommandAst {
    return create(this);
  }

  columnDefs(): ColumnDef[] {
    return columnDefs(this);
  }

  tableClauses(): TableClauses {
    return tableClauses(this);
  }

  sortedColumns(): string[] {
    return sortedColumns(this);
  }

  propertyList(): (readonly [string, string])[] {
    return propertyList(this);
  }

  skipTableClauses(): void {
    return skipTableClauses(this);
  }

  skipParens(): void {
    return skipParens(this);
  }

  skipToClose(open: Token): Token {
    return skipToClose(this, open);
  }

  private insert(): CommandAst {
    return insert(this);
  }

  private drop(): CommandAst {
    return drop(this);
  }

  private show(): CommandAst {
    return show(this);
  }

  private set(): CommandAst {
    return set(this);
  }

  // ---- queries ------------------------------------------------------------------------------

  /** `[WITH ...] queryTerm [ORDER BY ...] [LIMIT n] [OFFSET n]`. */
  query(): QueryAst {
    this.#queryNames = true;
    const ctes: CteAst[] = [];
    if (this.acceptKw('WITH')) {
      if (this.isKw('RECURSIVE')) throw this.notSupported('recursive CTEs');
      do {
        const nameTok = this.cur;
        const name = this.identifier();
        if (ctes.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
          throw sqlParseError(this.src, nameTok.start, 'DUPLICATED_CTE_NAMES', `CTE definition can't have duplicate names: '${name}'.`, { duplicateNames: `'${name}'` });
        }
        let columns: string[] | undefined;
        if (this.isOp('(')) columns = this.identifierList();
        this.acceptKw('AS');
        this.expectOp('(');
        const query = this.query();
        this.expectOp(')');
        ctes.push({ name, ...(columns ? { columns } : {}), query });
      } while (this.acceptOp(','));
    }
    const body = this.queryTerm(0);
    let orderBy = this.acceptKw('ORDER', 'BY') ? this.sortItems() : [];
    // One process: DISTRIBUTE BY does not change results, SORT BY sorts, CLUSTER BY = DISTRIBUTE BY + SORT BY.
    if (this.acceptKw('CLUSTER', 'BY')) {
      const keys = [this.expression()];
      while (this.acceptOp(',')) keys.push(this.expression());
      orderBy = keys.map((e) => E.sort(e, true, true));
    } else {
      if (this.acceptKw('DISTRIBUTE', 'BY')) {
        this.expression();
        while (this.acceptOp(',')) this.expression();
      }
      if (orderBy.length === 0 && this.acceptKw('SORT', 'BY')) orderBy = this.sortItems();
    }
    let limit: Expr | undefined;
    let offset: Expr | undefined;
    for (;;) {
      if (!limit && this.acceptKw('LIMIT')) {
        limit = this.acceptKw('ALL') ? E.lit(null, new StructType([])) : this.expression();
        continue;
      }
      if (!offset && this.acceptKw('OFFSET')) {
        offset = this.expression();
        continue;
      }
      break;
    }
    if (limit && limit.kind === 'Literal' && limit.dataType instanceof StructType) limit = undefined; // LIMIT ALL
    if (ctes.length === 0 && orderBy.length === 0 && !limit && !offset) return body;
    return { kind: 'query', ctes, body, orderBy, ...(limit ? { limit } : {}), ...(offset ? { offset } : {}) };
  }

  /** Set operations: INTERSECT binds tighter than UNION / EXCEPT / MINUS; all are left-associative. */
  private queryTerm(minPrec: number): QueryAst {
    let left = this.queryPrimary();
    for (;;) {
      const t = this.cur;
      const op = t.kind === 'ident' ? SET_OPS[t.upper] : undefined;
      if (!op) return left;
      const prec = op === 'intersect' && !this.options.legacySetOpsPrecedence ? 2 : 1;
      if (prec < minPrec) return left;
      this.pos++;
      let all = false;
      if (this.acceptKw('ALL')) all = true;
      else this.acceptKw('DISTINCT');
      const right = this.queryTerm(prec + 1);
      left = { kind: 'setop', op, all, left, right };
    }
  }

  private queryPrimary(): QueryAst {
    if (this.isOp('(')) {
      this.pos++;
      const q = this.query();
      this.expectOp(')');
      return q;
    }
    if (this.isKw('SELECT')) return this.select();
    if (this.acceptKw('VALUES')) {
      const rows = this.valuesRows();
      const alias = this.tableAlias();
      return { kind: 'values', rows, ...(alias ? { alias } : {}) };
    }
    if (this.acceptKw('TABLE')) return { kind: 'table', parts: this.multipartIdentifier() };
    if (this.isKw('FROM')) throw this.notSupported('FROM-first queries');
    throw this.syntaxError();
  }

  /** Rows of an inline table: `(1, 'a'), (2, 'b')` or `1, 2, 3`. */
  valuesRows(): Expr[][] {
    const rows: Expr[][] = [];
    do {
      if (this.isOp('(') && !this.looksLikeQuery(1)) {
        this.pos++;
        const row = [this.expression()];
        while (this.acceptOp(',')) row.push(this.expression());
        this.expectOp(')');
        rows.push(row);
      } else {
        rows.push([this.expression()]);
      }
    } while (this.acceptOp(','));
    return rows;
  }

  private select(): SelectAst {
    return select(this);
  }

  /** A select-list item on its own (`F.expr` / `selectExpr` text). */
  selectItemExpression(): Expr {
    return this.selectItem();
  }

  /** Set by `selectItem`: whether the item had a written alias (vs. an Alias carrying a function's Spark name). */
  aliasWasWritten = false;

  selectItem(): Expr {
    return selectItem(this);
  }

  aliasName(): string {
    return aliasName(this);
  }

  // ---- FROM ------------------------------------------------------------------------------------

  fromClause(): RelationAst {
    return fromClause(this);
  }

  unpivot(input: RelationAst): RelationAst {
    return unpivot(this, input);
  }

  parenthesizedNames(): string[] {
    return parenthesizedNames(this);
  }

  tableSample(input: RelationAst): RelationAst {
    return tableSample(this, input);
  }

  integerValue(): number {
    return integerValue(this);
  }

  pivot(input: RelationAst): RelationAst {
    return pivot(this, input);
  }

  relation(): RelationAst {
    return relation(this);
  }

  joinType(): { type: JoinType; natural: boolean } | undefined {
    return joinType(this);
  }

  lateralView(input: RelationAst): RelationAst {
    return lateralView(this, input);
  }

  relationPrimary(): RelationAst {
    return relationPrimary(this);
  }

  tableAlias(): TableAlias | undefined {
    return tableAlias(this);
  }

  // ---- GROUP BY -----------------------------------------------------------------------------------

  groupBy(): GroupByAst {
    return groupBy(this);
  }

  groupingSetList(): Expr[][] {
    return groupingSetList(this);
  }

  // ---- ORDER BY / windows ------------------------------------------------------------------------

  sortItems(): SortOrder[] {
    return sortItems(this);
  }

  sortItem(): SortOrder {
    return sortItem(this);
  }

  windowSpec(): WindowSpecDef {
    return windowSpec(this);
  }

  windowFrame(): WindowFrame {
    return windowFrame(this);
  }

  frameBound(frameType: 'rows' | 'range'): FrameBoundary {
    return frameBound(this, frameType);
  }

  // ---- expressions -------------------------------------------------------------------------------

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

  /** A full (boolean) expression. */
  expression(): Expr {
    return this.or();
  }

  private or(): Expr {
    const start = this.pos;
    return this.located(start, or(this));
  }

  and(): Expr {
    const start = this.pos;
    return this.located(start, and(this));
  }

  not(): Expr {
    const start = this.pos;
    return this.located(start, not(this));
  }

  predicated(): Expr {
    const start = this.pos;
    return this.located(start, predicated(this));
  }

  likePredicate(e: Expr, kw: string, negated: boolean): Expr {
    return likePredicate(this, e, kw, negated);
  }

  comparison(): Expr {
    const start = this.pos;
    return this.located(start, comparison(this));
  }

  bitOr(): Expr {
    const start = this.pos;
    return this.located(start, bitOr(this));
  }

  bitXor(): Expr {
    const start = this.pos;
    return this.located(start, bitXor(this));
  }

  bitAnd(): Expr {
    const start = this.pos;
    return this.located(start, bitAnd(this));
  }

  additive(): Expr {
    return additive(this);
  }

  /**
   * A binary operator call; in queries it is named as Spark names it after
   * analysis (see ANALYZED_NAME), in expression strings as written.
   */
  operator(fn: string, left: Expr, right: Expr): Expr {
    return E.call(fn, [left, right], this.#queryNames ? { options: { [ANALYZED_NAME]: true } } : {});
  }

  multiplicative(): Expr {
    return multiplicative(this);
  }

  unary(): Expr {
    const start = this.pos;
    return this.located(start, unary(this));
  }

  primaryWithPostfix(): Expr {
    const start = this.pos;
    return this.postfix(this.located(start, this.primary()), start);
  }

  /** `x[i]`, `x.field`, `x::type` after a primary expression (read from token `start`). */
  postfix(base: Expr, start = this.pos): Expr {
    let e = base;
    for (;;) {
      if (this.acceptOp('[')) {
        const idx = this.expression();
        this.expectOp(']');
        e = this.located(start, E.call('get_item', [e, idx]));
      } else if (this.isOp('.') && (this.isIdentifier(this.peek()) || this.isOp('*', this.peek()))) {
        this.pos++;
        if (this.acceptOp('*')) {
          if (e.kind !== 'ColumnRef') throw this.syntaxError(this.tokens[this.pos - 1]);
          e = E.star(lastPart(e.name));
          continue;
        }
        const quoted = this.cur.kind === 'quoted';
        const field = this.identifier();
        e = e.kind === 'ColumnRef' ? E.col(`${e.name}.${quotePart(field, quoted)}`) : E.call('get_field', [e], { options: { field } });
      } else if (this.acceptOp('::')) {
        e = this.located(start, E.cast(e, this.dataType()));
      } else {
        return e;
      }
    }
  }

  /** A type name as Spark writes it (`int`, `decimal(10,2)`, `array<struct<a:int>>`). */
  dataType(): DataType {
    const start = this.cur;
    if (!this.isIdentifier()) throw this.syntaxError();
    this.pos++;
    // `INTERVAL DAY TO SECOND`, `INTERVAL YEAR`: the unit words belong to the type.
    if (start.upper === 'INTERVAL') {
      const unit = (t: Token): boolean => t.kind === 'ident' && /^(YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)$/.test(t.upper);
      if (unit(this.cur)) {
        this.pos++;
        if (this.isKw('TO') && unit(this.peek())) this.pos += 2;
      }
    }
    let depth = 0;
    if (this.isOp('<') || this.isOp('<>')) {
      if (this.isOp('<>')) this.pos++;
      else {
        do {
          const t = this.tokens[this.pos++]!;
          if (t.kind === 'eof') throw this.syntaxError(t);
          if (this.isOp('<', t)) depth++;
          else if (this.isOp('>', t)) depth--;
          else if (this.isOp('>=', t)) throw this.syntaxError(t);
        } while (depth > 0);
      }
    }
    if (this.isOp('(') && this.peek().kind === 'number') {
      this.pos++;
      while (!this.isOp(')')) {
        if (this.cur.kind === 'eof') throw this.syntaxError();
        this.pos++;
      }
      this.pos++;
    }
    const end = this.tokens[this.pos - 1]!.end;
    return parseDataType(this.src.slice(start.start, end));
  }

  private primary(): Expr {
    const t = this.cur;
    switch (t.kind) {
      case 'number':
        this.pos++;
        return numberLiteral(this.src, t, false);
      case 'string': {
        this.pos++;
        let value = t.value;
        while (this.cur.kind === 'string') value += this.tokens[this.pos++]!.value;
        return stringLiteral(value);
      }
      case 'binary':
        this.pos++;
        return binaryLiteral(this.src, t);
      case 'quoted':
        this.pos++;
        if (this.isOp('->')) return this.lambda([t.value]);
        return E.col(quotePart(t.value, true));
      case 'op':
        if (t.value === '*') {
          this.pos++;
          return E.star();
        }
        if (t.value === '(') return this.parenthesized();
        if (t.value === '?') {
          this.pos++;
          return this.#params.positional(t.start);
        }
        if (t.value === ':' && this.isIdentifier(this.peek())) {
          this.pos++;
          return this.#params.named(this.identifier());
        }
        throw this.syntaxError();
      case 'eof':
        throw this.syntaxError();
      case 'ident':
        return this.identPrimary(t);
    }
  }

  private parenthesized(): Expr {
    return parenthesized(this);
  }

  lambda(params: string[]): Expr {
    return lambda(this, params);
  }

  lambdaBody(params: string[]): Expr {
    return lambdaBody(this, params);
  }

  private identPrimary(t: Token): Expr {
    return identPrimary(this, t);
  }

  /** `INTERVAL '<text>' <unit> [TO <unit>]` or `INTERVAL <n> <unit> [<n> <unit> ...]` (see interval-literal.ts). */
  intervalLiteral(): Expr {
    const start = this.cur;
    this.pos++;
    const parts: IntervalPart[] = [];
    let toUnit: string | undefined;
    for (;;) {
      const signed = this.isOp('-') || this.isOp('+');
      const v = this.peek(signed ? 1 : 0);
      const u = this.peek(signed ? 2 : 1);
      if ((v.kind !== 'string' && v.kind !== 'number') || u.kind !== 'ident') break;
      const negative = signed && this.cur.value === '-';
      this.pos += signed ? 3 : 2;
      const value = v.value.trim();
      parts.push({ value: negative ? (value.startsWith('-') ? value.slice(1) : `-${value}`) : value, quoted: v.kind === 'string', unit: u.value });
      if (parts.length === 1 && v.kind === 'string' && this.isKw('TO') && this.peek().kind === 'ident') {
        toUnit = this.peek().value;
        this.pos += 2;
        break;
      }
    }
    if (parts.length === 0) throw this.syntaxError();
    const text = this.src.slice(start.start, this.tokens[this.pos - 1]!.end);
    return intervalLiteral(this.src, start.start, text, parts, toUnit);
  }

  existsSubquery(): Expr {
    return existsSubquery(this);
  }

  caseExpr(): Expr {
    return caseExpr(this);
  }

  extract(): Expr {
    return extract(this);
  }

  substring(t: Token): Expr {
    return substring(this, t);
  }

  trim(): Expr {
    return trim(this);
  }

  position(): Expr {
    return position(this);
  }

  overlay(): Expr {
    return overlay(this);
  }

  functionCall(nameFromClause?: string): Expr {
    return functionCall(this, nameFromClause);
  }
}

// ---- helpers ------------------------------------------------------------------------------------

/**
 * `fn OVER (spec)`. A function whose SQL form carries Spark's name in an Alias
 * (`every(v)`, `first_value(x)`) keeps the alias outside the window, named
 * `every(v) OVER (...)`, since window functions must be calls.
 */
export function windowExpr(fn: Expr, spec: WindowSpecDef): Expr {
  checkRangeFrame(spec);
  if (fn.kind !== 'Alias') return E.window(fn, spec);
  const w = E.window(fn.child, spec);
  return named(w, () => `${fn.name} OVER (${windowSpecSql(stripSpec(spec), fn.child)})`);
}

/** A RANGE frame with value offsets needs exactly one ORDER BY expression. */
function checkRangeFrame(spec: WindowSpecDef): void {
  const f = spec.frame;
  if (!f || f.frameType !== 'range') return;
  if ((f.lower.type === 'offset' || f.upper.type === 'offset') && spec.orderBy.length !== 1) {
    throw new AnalysisException(
      `A range window frame with value boundaries cannot be used in a window specification with multiple order by expressions: ${spec.orderBy.map((o) => prettySql(o)).join(',')}.`,
      { errorClass: 'DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER' },
    );
  }
}

function stripSpec(spec: WindowSpecDef): WindowSpecDef {
  return { ...spec, partitionBy: spec.partitionBy.map(unqualified), orderBy: spec.orderBy.map((o) => unqualified(o) as SortOrder) };
}

function unqualified(e: Expr): Expr {
  if (e.kind === 'ColumnRef') return E.col(lastPart(e.name));
  return mapExpr(e, unqualified);
}


/** A name part as the analyzer's dotted-name syntax needs it (backquoted when it holds `.` or `` ` ``). */
export function quotePart(part: string, quoted: boolean): string {
  if (!quoted && !/[.`]/.test(part)) return part;
  if (!/[.`]/.test(part)) return part;
  return '`' + part.replace(/`/g, '``') + '`';
}

export function lastPart(name: string): string {
  const m = /(?:^|\.)(`(?:[^`]|``)*`|[^.`]*)$/.exec(name);
  const p = m ? m[1]! : name;
  return p.startsWith('`') ? p.slice(1, -1).replace(/``/g, '`') : p;
}



/**
 * Rebuilds an expression with transformed children (`mapChildren`). A window
 * keeps its `OVER name` reference on the rebuilt spec, and its partition and
 * order keys are visited before its function.
 */
export function mapExpr(e: Expr, f: (c: Expr) => Expr): Expr {
  if (e.kind !== 'WindowExpr') return mapChildren(e, f);
  const spec: WindowSpecDef = {
    partitionBy: e.spec.partitionBy.map(f),
    orderBy: e.spec.orderBy.map((o) => f(o) as SortOrder),
    ...(e.spec.frame ? { frame: e.spec.frame } : {}),
  };
  const ref = namedWindowRefs.get(e.spec);
  if (ref !== undefined) namedWindowRefs.set(spec, ref);
  return E.window(f(e.fn), spec);
}
