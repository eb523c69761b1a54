/**
 * Fixes a class's public name (`constructor.name`, `util.inspect`, printed values) whatever the
 * bundler did to it: esbuild writes a class that refers to itself as `var _X = class _X`, so
 * without its `keepNames` option (which wraps every function and closure in a `__name` call at
 * run time, about a sixth of a small query's CPU time) the built `DataFrame` would be named
 * `_DataFrame`. Called from a static block of each public class that refers to itself.
 */
export function definePublicName(cls: abstract new (...args: never[]) => unknown, name: string): void {
  Object.defineProperty(cls, 'name', { value: name, configurable: true });
}
