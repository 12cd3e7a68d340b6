// A unified diff (`diff -u` / `git diff` shape) of two texts, so `fix` can show what it would
// change without a dependency. Lines keep their "\n" so a missing final newline shows as a
// change and is marked the way diff marks it.

type Op = { kind: " " | "-" | "+"; line: string };

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Myers' O((N+M)·D) shortest edit script; fixes change few lines, so D stays small. */
function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = max === 0;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  // Walk back from the end through the saved rounds, collecting operations in reverse.
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const saved = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && saved[offset + k - 1]! < saved[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = saved[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      y--;
      ops.push({ kind: " ", line: a[--x]! });
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: "+", line: b[--y]! });
      else ops.push({ kind: "-", line: a[--x]! });
    }
  }
  return ops.reverse();
}

function range(start: number, length: number): string {
  // diff's convention: an empty range names the line before it; a length of 1 is left out.
  if (length === 0) return `${start},0`;
  return length === 1 ? `${start + 1}` : `${start + 1},${length}`;
}

function render(op: Op): string {
  return op.line.endsWith("\n") ? `${op.kind}${op.line}` : `${op.kind}${op.line}\n\\ No newline at end of file\n`;
}

/** `--- a/path` / `+++ b/path` and hunks with `context` lines around each change; "" when equal. */
export function unifiedDiff(path: string, before: string, after: string, context = 3): string {
  if (before === after) return "";
  const ops = myers(splitLines(before), splitLines(after));
  let out = `--- a/${path}\n+++ b/${path}\n`;
  let i = 0;
  let oldLine = 0;
  let newLine = 0;
  while (i < ops.length) {
    let firstChange = i;
    while (firstChange < ops.length && ops[firstChange]!.kind === " ") firstChange++;
    if (firstChange === ops.length) break;
    // Extend the hunk while the next change is within 2·context unchanged lines.
    let end = firstChange;
    for (let j = firstChange; j < ops.length; j++) {
      if (ops[j]!.kind !== " ") end = j;
      else if (j - end > 2 * context) break;
    }
    const start = Math.max(i, firstChange - context);
    const stop = Math.min(ops.length, end + context + 1);
    // Everything skipped before the hunk is unchanged, so both sides advance alike.
    oldLine += start - i;
    newLine += start - i;
    const hunk = ops.slice(start, stop);
    const oldCount = hunk.filter((op) => op.kind !== "+").length;
    const newCount = hunk.filter((op) => op.kind !== "-").length;
    out += `@@ -${range(oldLine, oldCount)} +${range(newLine, newCount)} @@\n`;
    out += hunk.map(render).join("");
    oldLine += oldCount;
    newLine += newCount;
    i = stop;
  }
  return out;
}
