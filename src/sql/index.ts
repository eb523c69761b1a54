/**
 * The SQL front end: Spark SQL text → the engine's unresolved plans and
 * expressions, analyzed and executed like DataFrame code.
 *
 * @example
 * ```ts
 * import { executeSql, parseExpression } from './sql/index.js';
 * executeSql(spark, 'CREATE TEMP VIEW people AS SELECT * FROM VALUES (1, "a") AS t(id, name)');
 * executeSql(spark, 'SELECT name, count(*) FROM people GROUP BY name').show();
 * df.select(new Column(parseExpression('upper(name) AS n')));
 * ```
 */
export { parseExpression, parseQuery, parseStatement, parseStatementAst, translateStatement, type SqlCommand, type SqlStatement } from './parse.js';
export { executeSql, sessionTranslateOptions } from './execute.js';
export type { SqlArgs } from './parameters.js';
export { Translator, type TranslateOptions } from './translate.js';
export type { CommandAst, QueryAst, RelationAst, StatementAst } from './ast.js';
