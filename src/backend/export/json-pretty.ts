/**
 * The `pretty` JSON option: compact JSON text re-laid out as Jackson's
 * DefaultPrettyPrinter writes it (checked against Spark 3.5.7's to_json):
 * object fields one per line, indented two spaces per enclosing object
 * (arrays add no level), `"k" : v`; arrays inline `[ 1, 2 ]`; empty
 * containers `{ }` and `[ ]`.
 */

/** Pretty text of a compact JSON document (no whitespace outside strings, as the generator writes it). */
export function prettyJson(compact: string): string {
  let out = '';
  const stack: ('o' | 'a')[] = [];
  let level = 0;
  const newline = (): string => '\n' + '  '.repeat(level);
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i]!;
    if (c === '"') {
      // Copy the string with its escapes.
      let j = i + 1;
      while (compact[j] !== '"') j += compact[j] === '\\' ? 2 : 1;
      out += compact.slice(i, j + 1);
      i = j;
    } else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      if (compact[i + 1] === close) {
        out += `${c} ${close}`;
        i++;
        continue;
      }
      stack.push(c === '{' ? 'o' : 'a');
      if (c === '{') {
        level++;
        out += '{' + newline();
      } else out += '[ ';
    } else if (c === '}') {
      stack.pop();
      level--;
      out += newline() + '}';
    } else if (c === ']') {
      stack.pop();
      out += ' ]';
    } else if (c === ',') out += stack[stack.length - 1] === 'o' ? ',' + newline() : ', ';
    else if (c === ':') out += ' : ';
    else out += c;
  }
  return out;
}
