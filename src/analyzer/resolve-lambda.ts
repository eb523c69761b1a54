/**
 * Higher-order function calls (`transform(a, x -> x + 1)`): each function
 * argument is resolved with its lambda variables typed as the function binds
 * them (the array's element type, an index, an accumulator, ...). A plain
 * value where a function goes becomes a lambda ignoring its variables, as in
 * Spark (`transform(a, 0)`).
 */
import { AnalysisException } from '../errors/index.js';
import { E, typeOf, type Call, type Expr, type Lambda } from '../expr/nodes.js';
import type { ArgInfo, FunctionDef, LambdaParam } from '../functions/registry.js';

export interface LambdaScope {
  /** Lambda variables in scope by lower-cased name; inner bindings shadow outer ones. */
  readonly lambdas?: ReadonlyMap<string, LambdaParam>;
}

export function resolveHigherOrder<S extends LambdaScope>(
  call: Call,
  def: FunctionDef,
  scope: S,
  resolve: (e: Expr, scope: S) => Expr,
  argInfo: (e: Expr) => ArgInfo,
  typeCall: (call: Call, args: readonly Expr[]) => Expr,
): Expr {
  const args: Expr[] = [];
  call.args.forEach((a, i) => {
    const arity = a.kind === 'Lambda' ? a.params.length : -1;
    const params = def.lambdaParams!(args.map(argInfo), i, arity);
    if (params === undefined) {
      args.push(resolve(a, scope));
      return;
    }
    let lambda: Lambda;
    if (a.kind === 'Lambda') {
      if (a.params.length !== params.length) {
        throw new AnalysisException(
          `Invalid lambda function call. A higher order function expects ${a.params.length} arguments, but got ${params.length}.`,
          {
            errorClass: 'INVALID_LAMBDA_FUNCTION_CALL.NUM_ARGS_MISMATCH',
            messageParameters: { expectedNumArgs: String(a.params.length), actualNumArgs: String(params.length) },
          },
        );
      }
      lambda = a;
    } else {
      lambda = { ...E.lambda(params.map((_, k) => `__hidden_col${k}`), a), hidden: true };
    }
    const lambdas = new Map(scope.lambdas ?? []);
    lambda.params.forEach((p, k) => lambdas.set(p.toLowerCase(), params[k]!));
    const body = resolve(lambda.body, { ...scope, lambdas });
    args.push(Object.freeze({ ...lambda, body, dataType: typeOf(body), nullable: body.nullable ?? true }));
  });
  return typeCall(call, args);
}

/** A lambda variable typed from the enclosing higher-order function. */
export function resolveLambdaVar(name: string, scope: LambdaScope): Expr {
  const p = scope.lambdas?.get(name.toLowerCase());
  if (!p) {
    throw new AnalysisException(`A column or function parameter with name \`${name}\` cannot be resolved. `, {
      errorClass: 'UNRESOLVED_COLUMN.WITHOUT_SUGGESTION',
      messageParameters: { objectName: `\`${name}\`` },
    });
  }
  return Object.freeze({ ...E.lambdaVar(name), dataType: p.dataType, nullable: p.nullable });
}
