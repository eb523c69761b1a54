/** Levenshtein distance; names are short, so the O(n*m) table is fine. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Spark orders suggestions by edit distance and shows at most five. */
export function closestNames(name: string, candidates: readonly string[], max = 5): string[] {
  return [...new Set(candidates)]
    .map((c, i) => ({ c, d: editDistance(name.toLowerCase(), c.toLowerCase()), i }))
    .sort((x, y) => x.d - y.d || x.i - y.i)
    .slice(0, max)
    .map((x) => x.c);
}
