/**
 * XPath 1.0 over XML text for the xpath functions, on the `xpath` and
 * `@xmldom/xmldom` packages (Spark uses the JDK's javax.xml XPath 1.0).
 * Typed results wrap the path in XPath's own string()/number()/boolean()
 * conversions, as javax's evaluate(..., STRING | NUMBER | BOOLEAN) does.
 */
import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';
import { ExecutionException } from '../../../errors/index.js';

/** Spark's error for unparsable XML names the path being evaluated. */
function parseXml(xml: string, path: string): Node {
  try {
    const doc = new DOMParser({
      onError: (level: string) => {
        if (level !== 'warning') throw new Error(level);
      },
    }).parseFromString(xml, 'text/xml');
    return doc as unknown as Node;
  } catch {
    throw new ExecutionException(`Error loading expression '${path}'`);
  }
}

function evaluate(xml: string, expr: string, path: string): xpath.SelectReturnType {
  const doc = parseXml(xml, path);
  try {
    return xpath.select(expr, doc);
  } catch (err) {
    throw new ExecutionException(`Invalid XPath '${path}'${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Node values of the matched nodes (null for elements, as the JDK's getNodeValue). */
export function xpathNodes(xml: string, path: string): (string | null)[] {
  const r = evaluate(xml, path, path);
  if (!Array.isArray(r)) throw new ExecutionException(`Invalid XPath '${path}': the expression does not select nodes`);
  return r.map((n) => (n.nodeType === 1 || n.nodeType === 9 ? null : n.nodeValue));
}

export const xpathString = (xml: string, path: string): string => String(evaluate(xml, `string(${path})`, path));
/** XPath 1.0's number() of a string: optional minus, digits with an optional fraction; no exponents. */
const XPATH_NUMBER = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;
const stringToNumber = (s: string): number => (XPATH_NUMBER.test(s) ? Number(s) : NaN);

/** XPath's number() of the path's value (the library's own number() also reads exponents, XPath 1.0 does not). */
export function xpathNumber(xml: string, path: string): number {
  const r = evaluate(xml, path, path);
  if (typeof r === 'number') return r;
  if (typeof r === 'boolean') return r ? 1 : 0;
  if (typeof r === 'string') return stringToNumber(r);
  return stringToNumber(xpathString(xml, path));
}
export const xpathBoolean = (xml: string, path: string): boolean => Boolean(evaluate(xml, `boolean(${path})`, path));
