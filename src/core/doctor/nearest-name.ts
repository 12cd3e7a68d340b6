/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), for typo suggestions. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The one name `written` most likely meant: same letters in another case first (`baseUrl`), then
 * the single closest name within a small distance (`trustedOrigin`). Undefined when unsure.
 */
export function nearestName(written: string, names: Iterable<string>): string | undefined {
  const list = [...names];
  const sameCase = list.filter((name) => name.toLowerCase() === written.toLowerCase());
  if (sameCase.length === 1) return sameCase[0];
  const limit = Math.min(2, Math.floor(written.length / 4));
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  for (const name of list) {
    const distance = editDistance(written.toLowerCase(), name.toLowerCase());
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) tie = true;
  }
  return best && bestDistance <= limit && !tie ? best : undefined;
}
