// A unified diff of two texts (Myers' O(ND) algorithm over lines), for
// showing what a snapshot run changed. Large or very different inputs give
// up early rather than take long.

const CONTEXT = 3;
const MAX_EDIT = 4_000;

type Op = { kind: ' ' | '-' | '+'; line: string; a: number; b: number };

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function editScript(a: string[], b: string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Map<number, number>([[1, 0]]);
  const trace: Map<number, number>[] = [];
  for (let d = 0; d <= Math.min(max, MAX_EDIT); d++) {
    trace.push(new Map(v));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v.get(k - 1) ?? 0) < (v.get(k + 1) ?? 0)) ? (v.get(k + 1) ?? 0) : (v.get(k - 1) ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v.set(k, x);
      if (x >= n && y >= m) return backtrack(trace, a, b, d);
    }
  }
  return undefined;
}

function backtrack(trace: Map<number, number>[], a: string[], b: string[], dEnd: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && (v.get(k - 1) ?? 0) < (v.get(k + 1) ?? 0)) ? k + 1 : k - 1;
    const prevX = v.get(prevK) ?? 0;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[x - 1], a: x - 1, b: y - 1 });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: '+', line: b[y - 1], a: x, b: y - 1 });
      else ops.push({ kind: '-', line: a[x - 1], a: x - 1, b: y });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

/** `--- a/path` / `+++ b/path` unified diff; undefined when the texts are equal or too different to diff quickly. */
export function unifiedDiff(path: string, before: string | undefined, after: string | undefined): string | undefined {
  const a = splitLines(before ?? '');
  const b = splitLines(after ?? '');
  const ops = editScript(a, b);
  if (!ops) return undefined;
  const changed = ops.map((o, i) => (o.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  if (changed.length === 0) return undefined;
  const out = [`--- ${before === undefined ? '/dev/null' : 'a/' + path}`, `+++ ${after === undefined ? '/dev/null' : 'b/' + path}`];
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, changed[i] - CONTEXT);
    let end = Math.min(ops.length - 1, changed[i] + CONTEXT);
    while (i + 1 < changed.length && changed[i + 1] - CONTEXT <= end + 1) {
      i++;
      end = Math.min(ops.length - 1, changed[i] + CONTEXT);
    }
    i++;
    const hunk = ops.slice(start, end + 1);
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    const aStart = aCount === 0 ? hunk[0].a : hunk.find((o) => o.kind !== '+')!.a + 1;
    const bStart = bCount === 0 ? hunk[0].b : hunk.find((o) => o.kind !== '-')!.b + 1;
    out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`);
    for (const o of hunk) out.push(o.kind + o.line);
  }
  return out.join('\n') + '\n';
}

/** Text we can show as a diff: valid UTF-8, no NUL in it, not huge. */
export function asText(data: Buffer, maxBytes = 1 << 20): string | undefined {
  if (data.length > maxBytes || data.includes(0)) return undefined;
  const text = data.toString('utf8');
  if (text.includes('\uFFFD') && !data.includes(Buffer.from('\uFFFD'))) return undefined;
  return text;
}
