// What a line has made known about its own shell state by the time a word is
// read: variables assigned a value that does not depend on anything outside
// the line, names that point to other names (declare -n), names only ever
// given numbers, and links the line created. Values set inside a branch that
// may not run are known inside it and unknown after it: never a guess.

export interface LinkFact {
  /** Where the link is, as classified (`resolved` of its path). */
  at: string;
  /** What it points to, as written (a symlink) or the linked file's path (a hard link). */
  target: string;
}

const SPECIAL_NUMERIC = new Set(['RANDOM', 'SECONDS', 'LINENO', 'BASHPID', 'PPID', 'EPOCHSECONDS', 'EPOCHREALTIME', 'UID', 'EUID', '#', '?', '$', '!', 'SRANDOM', 'OPTIND', 'COLUMNS', 'LINES', 'SHLVL', 'HISTCMD']);

interface Frame {
  assigned: Set<string>;
  /** Whether each name had a value before the branch. */
  before: Map<string, boolean>;
}

export class ShellState {
  /** name (or `name[i]`) → value; null when set to something only known at run time. */
  private vars = new Map<string, string | null>();
  private namerefs = new Map<string, string>();
  private numeric = new Set<string>();
  private frames: Frame[] = [];
  readonly links: LinkFact[] = [];
  /** Files the line wrote with text it knows (`echo 'x' > f.sh`), by resolved path. */
  readonly files = new Map<string, string>();

  /** The name a nameref (declare -n) finally points to. */
  resolveName(name: string): string {
    let n = name;
    for (let i = 0; i < 8 && this.namerefs.has(n); i++) n = this.namerefs.get(n)!;
    return n;
  }

  lookup(name: string, index?: string): string | undefined {
    const n = this.resolveName(name);
    const key = index === undefined || index === '0' ? n : `${n}[${index}]`;
    const v = this.vars.get(key);
    if (v === undefined && n === 'IFS' && !this.vars.has('IFS')) return ' \t\n';
    return v ?? undefined;
  }

  /** Set by the line (to a known value or not). */
  isAssigned(name: string): boolean {
    return this.vars.has(this.resolveName(name));
  }

  set(name: string, value: string | null, index?: string): void {
    const n = this.resolveName(name);
    const key = index === undefined || index === '0' ? n : `${n}[${index}]`;
    for (const f of this.frames) {
      if (!f.before.has(key)) f.before.set(key, this.vars.has(key));
      f.assigned.add(key);
    }
    this.vars.set(key, value);
    this.numeric.delete(n);
  }

  setArray(name: string, values: (string | null)[]): void {
    const n = this.resolveName(name);
    for (const key of [...this.vars.keys()]) if (key.startsWith(n + '[')) this.vars.delete(key);
    values.forEach((v, i) => this.set(n, v, String(i)));
    if (values.length === 0) this.set(n, '');
  }

  unset(name: string): void {
    const n = this.resolveName(name);
    this.vars.delete(n);
    this.numeric.delete(n);
  }

  nameref(name: string, target: string): void {
    this.namerefs.set(name, target);
  }

  /** Assigned inside arithmetic (`((i=0))`, `let i++`): its value is a number. */
  markNumeric(name: string): void {
    const n = this.resolveName(name);
    this.set(n, null);
    this.numeric.add(n);
  }

  isNumeric(name: string): boolean {
    const n = this.resolveName(name);
    return this.numeric.has(n) || SPECIAL_NUMERIC.has(n) || /^[0-9]+$/.test(this.vars.get(n) ?? 'x');
  }

  /** Enter code that may not run (a branch, a loop body, the right side of && or ||, a function body). */
  enterBranch(): void {
    this.frames.push({ assigned: new Set(), before: new Map() });
  }

  /**
   * Leave it: a name that had a value before is no longer known for certain.
   * A name first set in the branch keeps the branch's value: the other
   * possibility is an unset name, which expands to nothing.
   */
  leaveBranch(): void {
    const f = this.frames.pop();
    if (!f) return;
    for (const key of f.assigned) {
      if (f.before.get(key)) this.vars.set(key, null);
      for (const outer of this.frames) {
        if (!outer.before.has(key)) outer.before.set(key, f.before.get(key) ?? false);
        outer.assigned.add(key);
      }
    }
  }

  /** Subshells and pipeline stages keep their assignments to themselves. */
  snapshot(): () => void {
    const vars = new Map(this.vars);
    const namerefs = new Map(this.namerefs);
    const numeric = new Set(this.numeric);
    return () => {
      this.vars = vars;
      this.namerefs = namerefs;
      this.numeric = numeric;
    };
  }
}
