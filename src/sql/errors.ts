/**
 * Spark's ParseException layout for SQL text (`msg(line l, pos p)` and the
 * `== SQL ==` excerpt), shared with type strings and DDL schemas.
 */
export { parseError as sqlParseError } from '../types/ddl-lexer.js';
