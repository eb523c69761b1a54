/**
 * PySpark 3.5 functions sparkless does not implement yet. Each would be exported
 * here so that a pipeline using one fails with a clear NotImplementedException
 * naming it, instead of an "is not a function" TypeError:
 *
 *   export const name = (..._args: unknown[]): never => {
 *     throw new NotImplementedException('functions.name');
 *   };
 *
 * Every name of PySpark 3.5's function list is now implemented (reflect and
 * java_method, which need a JVM, raise a typed error that says so), so none is
 * left. The CLI, the functions page and the tests still read this module.
 */
export {};
