/**
 * CSV text split into records and fields as Univocity's parser splits them (quotes, escapes,
 * comments, whitespace trimming, multiLine). Typing the fields is the reader's business.
 */

/** Univocity's whitespace: every control character and the space. */
export const isWs = (c: number): boolean => c <= 0x20;

/** One record: its tokens (null for an empty unquoted field) and raw text. */
export interface CsvRecord {
  readonly tokens: (string | null)[];
  readonly raw: string;
  /** Index of the text (file) the record came from. */
  file: number;
}

export interface TokenizeSettings {
  readonly sep: string;
  readonly quote: string;
  readonly escape: string;
  readonly comment: string;
  readonly multiLine: boolean;
  readonly trimLeading: boolean;
  readonly trimTrailing: boolean;
  readonly emptyValue: string;
}

/**
 * Splits CSV text into records. Without `multiLine` a line break always ends
 * the record, even inside quotes (Spark splits lines first). Empty lines and
 * comment lines are skipped.
 */
export function tokenize(text: string, s: TokenizeSettings): CsvRecord[] {
  const out: CsvRecord[] = [];
  const n = text.length;
  const sepLen = s.sep.length;
  const quoting = s.quote !== '\u0000';
  let i = 0;
  const isNl = (c: string | undefined): boolean => c === '\n' || c === '\r';
  const skipNl = (): void => {
    if (text[i] === '\r' && text[i + 1] === '\n') i += 2;
    else i++;
  };
  while (i < n) {
    const start = i;
    if (isNl(text[i])) {
      skipNl();
      continue; // empty line
    }
    if (s.comment !== '\u0000' && text[i] === s.comment) {
      while (i < n && !isNl(text[i])) i++;
      if (i < n) skipNl();
      continue;
    }
    const tokens: (string | null)[] = [];
    for (;;) {
      // one field
      let value = '';
      let quoted = false;
      let p = i;
      if (s.trimLeading) while (p < n && text[p] !== s.quote && !isNl(text[p]) && !text.startsWith(s.sep, p) && isWs(text.charCodeAt(p))) p++;
      if (quoting && text[p] === s.quote) {
        quoted = true;
        i = p + 1;
        for (;;) {
          if (i >= n) break;
          const c = text[i]!;
          if (c === s.escape && s.escape !== s.quote && text[i + 1] === s.quote) {
            value += s.quote;
            i += 2;
          } else if (c === s.quote) {
            if (text[i + 1] === s.quote) {
              value += s.quote;
              i += 2;
            } else {
              i++;
              break;
            }
          } else if (isNl(c) && !s.multiLine) {
            break;
          } else {
            value += c;
            i++;
          }
        }
        // Characters after the closing quote belong to the value (Univocity's STOP_AT_DELIMITER).
        while (i < n && !isNl(text[i]) && !text.startsWith(s.sep, i)) value += text[i++];
      } else {
        i = p;
        const from = i;
        while (i < n && !isNl(text[i]) && !text.startsWith(s.sep, i)) i++;
        value = text.slice(from, i);
      }
      if (s.trimTrailing && !quoted) value = value.replace(/[\x00-\x20]+$/, '');
      tokens.push(quoted ? (value.length === 0 ? s.emptyValue : value) : value.length === 0 ? null : value);
      if (i < n && text.startsWith(s.sep, i)) {
        i += sepLen;
        continue;
      }
      break;
    }
    const raw = text.slice(start, i);
    if (i < n) skipNl();
    out.push({ tokens, raw, file: 0 });
  }
  return out;
}
