/**
 * What a function definition's `resolve` gets besides its arguments: the session settings
 * that type the call and the SQL texts its errors quote. The texts are usually lazy getters
 * (resolve-call.ts builds them only for an error), so a context is never copied by spreading,
 * which would drop them: `withSql` is the one way to report the same call under other text.
 */

/** What a definition may need to type the call or word an error: settings, the call's SQL text and its arguments'. */
export interface ResolveContext {
  readonly sql: string;
  readonly argSql: readonly string[];
  /** spark.sql.ansi.enabled: arguments coerce by Spark's AnsiTypeCoercion (define.ts implicitCast). */
  readonly ansi?: boolean;
  /** A session setting's value, for functions typed by one (absent: Spark's default applies). */
  readonly conf?: (key: string) => string | undefined;
}

/**
 * `ctx` reporting the call as `sql` (a text, or a function building it on first use) while
 * keeping its settings (ansi, conf) and its arguments' texts, e.g. a call Spark rewrites
 * before checking it (`nvl2` is reported as the `IF` it becomes).
 */
export function withSql(ctx: ResolveContext, sql: string | (() => string)): ResolveContext {
  return new RenamedContext(ctx, sql);
}

class RenamedContext implements ResolveContext {
  readonly ansi?: boolean;
  readonly conf?: (key: string) => string | undefined;
  readonly #base: ResolveContext;
  #sql: string | (() => string);

  constructor(base: ResolveContext, sql: string | (() => string)) {
    this.#base = base;
    this.#sql = sql;
    if (base.ansi !== undefined) this.ansi = base.ansi;
    if (base.conf) this.conf = base.conf;
  }

  get argSql(): readonly string[] {
    return this.#base.argSql;
  }

  get sql(): string {
    if (typeof this.#sql === 'function') this.#sql = this.#sql();
    return this.#sql;
  }
}
