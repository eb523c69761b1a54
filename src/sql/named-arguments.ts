/**
 * SQL named function arguments (`explode(collection => array(1, 2))`). Spark
 * 3.5 accepts them only for the functions with a declared signature below and
 * raises NAMED_PARAMETERS_NOT_SUPPORTED for every other function. Names are
 * case-sensitive; the arguments are bound to positions here, filling skipped
 * optional parameters with their defaults (which then show in the name, as in
 * Spark: `mask(str => 'a', digitChar => 'd')` is `mask(a, X, x, d, NULL)`).
 */
import { AnalysisException, NotImplementedException } from '../errors/index.js';
import { positionAnalysisError, type SqlSource } from '../errors/query-context.js';
import { E, type Expr } from '../expr/nodes.js';
import { STRING } from '../types/data-types.js';

export interface NamedArgument {
  readonly name: string;
  readonly value: Expr;
}

interface Parameter {
  readonly name: string;
  /** Absent: required. */
  readonly default?: () => Expr;
}

const str = (v: string | null) => (): Expr => E.lit(v, STRING);

const SIGNATURES: Record<string, readonly Parameter[]> = {
  explode: [{ name: 'collection' }],
  explode_outer: [{ name: 'collection' }],
  mask: [
    { name: 'str' },
    { name: 'upperChar', default: str('X') },
    { name: 'lowerChar', default: str('x') },
    { name: 'digitChar', default: str('n') },
    { name: 'otherChar', default: str(null) },
  ],
  count_min_sketch: [{ name: 'column' }, { name: 'epsilon' }, { name: 'confidence' }, { name: 'seed' }],
};

/** Where the call starts, for the `; line L pos P` of the errors. */
export interface CallSite {
  readonly source: SqlSource;
  readonly start: number;
  readonly stop: number;
}

/**
 * The call's arguments by position. `args` is in written order, a named
 * argument as a `NamedArgument`, a positional one as an `Expr`.
 */
export function bindNamedArguments(fnName: string, args: readonly (Expr | NamedArgument)[], site: CallSite): Expr[] {
  const lower = fnName.toLowerCase();
  const fail = (message: string, errorClass: string, messageParameters: Record<string, string>): never => {
    const err = new AnalysisException(message, { errorClass, messageParameters });
    positionAnalysisError(err, { source: site.source, startIndex: site.start, stopIndex: site.stop });
    throw err;
  };
  const fnQ = `\`${lower}\``;
  const params = SIGNATURES[lower];
  if (!params) {
    fail(
      `Named parameters are not supported for function ${fnQ}; please retry the query with positional arguments to the function call instead.`,
      'NAMED_PARAMETERS_NOT_SUPPORTED',
      { functionName: fnQ },
    );
  }
  const isNamed = (a: Expr | NamedArgument): a is NamedArgument => !('kind' in a);
  let lastNamed: string | undefined;
  for (const a of args) {
    if (isNamed(a)) lastNamed = a.name;
    else if (lastNamed !== undefined) {
      fail(
        `Cannot invoke function ${fnQ} because it contains positional argument(s) following the named argument assigned to \`${lastNamed}\`; please rearrange them so the positional arguments come first and then retry the query again.`,
        'UNEXPECTED_POSITIONAL_ARGUMENT',
        { functionName: fnQ, parameterName: `\`${lastNamed}\`` },
      );
    }
  }
  const positional = args.filter((a): a is Expr => !isNamed(a));
  const bound: (Expr | undefined)[] = [...positional];
  for (const a of args.filter(isNamed)) {
    const at = params!.findIndex((p) => p.name === a.name);
    if (at < 0) {
      if (params!.length > 1) {
        // Spark suggests three of the parameter names, in an order not derived here.
        throw new NotImplementedException(`the UNRECOGNIZED_PARAMETER_NAME error of ${lower}`, 'its suggestion order is not modelled');
      }
      fail(
        `Cannot invoke function ${fnQ} because the function call included a named argument reference for the argument named \`${a.name}\`, but this function does not include any signature containing an argument with this name. Did you mean one of the following? [\`${params![0]!.name}\`].`,
        'UNRECOGNIZED_PARAMETER_NAME',
        { functionName: fnQ, argumentName: `\`${a.name}\``, proposal: `\`${params![0]!.name}\`` },
      );
    }
    if (bound[at] !== undefined) {
      const both = at < positional.length;
      fail(
        `Call to function ${fnQ} is invalid because it includes multiple argument assignments to the same parameter name \`${a.name}\`. ` +
          (both
            ? 'A positional argument and named argument both referred to the same parameter. Please remove the named argument referring to this parameter.'
            : 'More than one named argument referred to the same parameter. Please assign a value only once.'),
        both ? 'DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.BOTH_POSITIONAL_AND_NAMED' : 'DUPLICATE_ROUTINE_PARAMETER_ASSIGNMENT.DOUBLE_NAMED_ARGUMENT_REFERENCE',
        { functionName: fnQ, parameterName: `\`${a.name}\`` },
      );
    }
    bound[at] = a.value;
  }
  const missing = (i: number): never =>
    fail(
      `Cannot invoke function ${fnQ} because the parameter named \`${params![i]!.name}\` is required, but the function call did not supply a value. Please update the function call to supply an argument value (either positionally at index ${i} or by name) and retry the query again.`,
      'REQUIRED_PARAMETER_NOT_FOUND',
      { functionName: fnQ, parameterName: `\`${params![i]!.name}\``, index: String(i) },
    );
  const out: Expr[] = [];
  for (let i = 0; i < bound.length; i++) {
    const v = bound[i] ?? params![i]?.default?.();
    if (v === undefined) missing(i);
    out.push(v!);
  }
  // Required parameters after the last supplied one.
  for (let i = out.length; i < params!.length; i++) {
    if (params![i]!.default) break;
    missing(i);
  }
  return out;
}
