// A path or a name as a request or a command writes it, and as the checks
// compare it: `"notes.txt"`, `./logs/` and `logs` are one place. One
// spelling of it, so that the checks that hold a plan to the request (what it
// copies, what it changes, what a search starts in) and the find tests read
// from the request cannot drift apart on what is the same name.

export interface Bare {
  /**
   * The quotes taken off: each end on its own (`"notes.txt`, the default),
   * only a pair around the whole (`'*.log'`, a name as a request quotes it),
   * or none (a path the policy has already read the shell's quotes out of).
   */
  quotes?: 'each' | 'pair' | 'none';
  /** The `./` before a path and the `/` after it taken off too (the default): `./logs/` is logs. */
  ends?: boolean;
}

/** `path` without the quotes, the leading `./` and the trailing `/` it is written with ("" for `./`). */
export function barePath(path: string, { quotes = 'each', ends = true }: Bare = {}): string {
  const unquoted = quotes === 'each' ? path.replace(/^["'`]|["'`]$/g, '') : quotes === 'pair' ? path.replace(/^["'`](.*)["'`]$/s, '$1') : path;
  return ends ? unquoted.replace(/^(?:\.\/)+/, '').replace(/\/+$/, '') : unquoted;
}
