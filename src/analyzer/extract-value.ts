/**
 * Spark's ExtractValue: `getItem`, `getField`, `s.f` paths and `x[k]` are
 * one operation resolved by the value's type. A string key on a struct is a
 * field (`s['f']` is `s.f`); a field name on a map is a key lookup
 * (`m.getField('k')` is `m['k']`). Arrays and maps keep `get_item`, structs
 * `get_field`.
 */
import { E, typeOf, type Call, type Expr } from '../expr/nodes.js';
import { MapType, STRING, StructType } from '../types/data-types.js';

/** The call `call` (over resolved `args`) means under Spark's ExtractValue, when that differs from what was built. */
export function extractValueByType(call: Call, args: readonly Expr[]): { call: Call; args: Expr[] } | undefined {
  if (call.fn === 'get_item' && args.length === 2 && typeOf(args[0]!) instanceof StructType) {
    const key = args[1]!;
    if (key.kind === 'Literal' && typeof key.value === 'string') {
      const fieldCall = E.call('get_field', [args[0]!], { options: { field: key.value } }) as Call;
      return { call: fieldCall, args: [args[0]!] };
    }
  }
  if (call.fn === 'get_field' && args.length === 1 && typeOf(args[0]!) instanceof MapType) {
    const key = E.lit(String(call.options?.field), STRING);
    return { call: E.call('get_item', [args[0]!, key]) as Call, args: [args[0]!, key] };
  }
  return undefined;
}
