/**
 * Expression strings (`F.expr`, `selectExpr`, `filter(str)`, `agg(str)`...). Spark parses them with
 * the session's parser and SQL conf when the plan is analyzed (Spark Connect sends the text), so one
 * behaves as the same expression inside `spark.sql` text: reserved keywords, legacy formulas,
 * `count()`. Here the API parses the text once at the call, with Spark's default
 * settings (a syntax error surfaces there, and the API gets a tree to build on); analysis then asks
 * `sessionExpression` for the session's reading of that tree, which re-parses the text only when the
 * session's parser settings are not the defaults (memoized per settings) and applies the conf-driven
 * SQL rules (count's arguments) as `spark.sql` does. An analysis error the parser itself raises (an
 * unknown function's search path, an undefined named window) is kept for analysis too, where the
 * session (its current database) is known, as Spark raises it; a syntax error stays the call's.
 */
import { NotImplementedException, AnalysisException } from '../errors/index.js';
import { isErrorKind } from '../errors/base.js';
import { E, exists, type Expr } from '../expr/nodes.js';
import { rememberSqlText } from '../expr/sql-text.js';
import { countArguments } from './count-arguments.js';
import { selectItem } from './parse-select.js';
import { namedWindowRefs, SUBQUERY } from './parsed-expressions.js';
import { type ParserOptions, SqlParser } from './parser.js';
import { parserOptionsKey, sqlParserOptions, type ConfLookup } from './parser-settings.js';
import { markParsedStars } from './star-usage.js';

/** An expression string's text and its parses under non-default settings (by parserOptionsKey). */
interface ExpressionString {
  readonly text: string;
  readonly parses: Map<string, Expr>;
  /** The default parse raised an analysis error: the API holds a stand-in, analysis parses again. */
  readonly deferred: boolean;
}

/** Keyed by the tree the API built (identity: a rewritten copy is no longer the text's reading). */
const strings = new WeakMap<Expr, ExpressionString>();
let created = false;

/**
 * Parses one Spark SQL expression, e.g. `a + 1`, `upper(name) AS n`,
 * `CASE WHEN x > 0 THEN 'pos' END`, `count(*)`, `sum(x) OVER (PARTITION BY k)`.
 * Returns the unresolved expression (an `Alias` when the text has `AS name`).
 */
export function parseExpression(text: string): Expr {
  let e: Expr;
  let deferred = false;
  try {
    e = parseWith(text, {});
  } catch (err) {
    if (!isErrorKind(err, 'AnalysisException') || isErrorKind(err, 'ParseException')) throw err;
    // A stand-in named as the text (as Spark Connect names an ExpressionString): analysis replaces it
    // by the session's parse of the text, which raises the error then.
    e = E.call('expression_string', [], { options: { displaySql: text } });
    deferred = true;
  }
  strings.set(e, { text, parses: new Map(), deferred });
  created = true;
  return rememberSqlText(e, text);
}

/** Whether any expression string was parsed yet (analysis skips looking for them until one was). */
export const expressionStringsExist = (): boolean => created;

/** Whether `e` is the tree an expression string was parsed into. */
export const isExpressionString = (e: Expr): boolean => strings.has(e);

/**
 * The expression string `e` as the session whose conf `conf` reads takes it: parsed under the
 * session's parser settings, with count's arguments checked under its legacy settings.
 */
export function sessionExpression(e: Expr, conf: ConfLookup): Expr {
  const s = strings.get(e);
  if (!s) return e;
  const options = sqlParserOptions(conf);
  const key = parserOptionsKey(options);
  let parsed = key === '' && !s.deferred ? e : s.parses.get(key);
  if (!parsed) {
    parsed = parseWith(s.text, options);
    s.parses.set(key, parsed);
  }
  return countArguments(conf, parsed);
}

/**
 * The text as one SELECT item. Its operators keep their written names, as classic PySpark's
 * Column.named aliases the unresolved expression (`(id > 1.1)`, `(dt + 1)`); Spark Connect names
 * them after analysis as spark.sql does (`(id > 1)`, `date_add(dt, 1)`), a naming difference
 * sparkless does not follow (KNOWN_GAPS, Spark Connect differences).
 */
function parseWith(text: string, options: ParserOptions): Expr {
  const p = new SqlParser(text, options);
  const e = selectItem(p);
  p.expectEnd();
  checkStandalone(e);
  markParsedStars(e);
  return e;
}

/** What only a full query can give an expression: WINDOW clause definitions, subquery evaluation. */
function checkStandalone(e: Expr): void {
  exists(e, (x) => {
    if (x.kind === 'WindowExpr' && namedWindowRefs.has(x.spec)) {
      const name = namedWindowRefs.get(x.spec)!;
      throw new AnalysisException(`Window specification ${name} is not defined in the WINDOW clause.`, {
        errorClass: '_LEGACY_ERROR_TEMP_1004',
        messageParameters: { windowName: name },
      });
    }
    if (x.kind === 'Call' && (Object.values(SUBQUERY) as string[]).includes(x.fn)) {
      throw new NotImplementedException('SQL subqueries in expression strings', 'use spark.sql() for queries with subqueries');
    }
    return false;
  });
}
