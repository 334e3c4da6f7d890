// Paladin's own command knowledge (the planner's corpus of templates, each
// with a one-line explanation), used to say what a whole command does when it
// is one of those templates with its slots filled.

import * as fs from 'node:fs';
import * as path from 'node:path';

export interface KnowledgeEntry {
  id: string;
  template: string;
  slots: Record<string, { default?: string | number }>;
  utilities: string[];
  explanation: string;
}

export interface KnowledgeMatch {
  id: string;
  explanation: string;
}

interface Compiled {
  entry: KnowledgeEntry;
  pattern: RegExp;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A template as a regular expression: literal text exactly (any run of spaces), each slot as one shell word. */
export function templatePattern(entry: KnowledgeEntry): RegExp {
  let out = '';
  let quoted = false;
  const re = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
  let last = 0;
  let m: RegExpExecArray | null;
  const literal = (text: string) => {
    for (const ch of text) {
      if (ch === "'") quoted = !quoted;
    }
    return escape(text).replace(/\s+/g, '\\s+');
  };
  while ((m = re.exec(entry.template))) {
    if (!Object.prototype.hasOwnProperty.call(entry.slots, m[1])) continue;
    let before = literal(entry.template.slice(last, m.index));
    // A slot never stands for an option: `ls {path}` must not match `ls -l`.
    const word = quoted ? "[^']*?" : `(?!-)(?:'[^']*'|"[^"]*"|[^\\s'"|;&<>()]+)`;
    if (entry.slots[m[1]].default === '') {
      const space = /\\s\+$/.test(before);
      if (space) before = before.slice(0, -3);
      out += `${before}(?:${space ? '\\s+' : ''}${word})?`;
    } else {
      out += `${before}${word}`;
    }
    last = m.index + m[0].length;
  }
  out += literal(entry.template.slice(last));
  return new RegExp(`^${out}$`);
}

export class Knowledge {
  private readonly compiled: Compiled[];

  constructor(entries: KnowledgeEntry[]) {
    this.compiled = [];
    for (const entry of entries) {
      try {
        this.compiled.push({ entry, pattern: templatePattern(entry) });
      } catch {
        // An entry the corpus validator would reject; the planner reports it.
      }
    }
  }

  get size(): number {
    return this.compiled.length;
  }

  /**
   * An entry whose template runs `program` (and `subcommand`, when given),
   * shortest template first: what Paladin itself knows of a program that has
   * no manual here.
   */
  forProgram(program: string, subcommand?: string): (KnowledgeMatch & { template: string }) | null {
    let best: KnowledgeEntry | null = null;
    for (const { entry } of this.compiled) {
      const words = entry.template.split(/\s+/);
      if (words[0] !== program) continue;
      if (subcommand !== undefined && words[1] !== subcommand) continue;
      if (!best || entry.template.length < best.template.length) best = entry;
    }
    return best ? { id: best.id, explanation: best.explanation, template: best.template } : null;
  }

  match(command: string): KnowledgeMatch | null {
    const text = command.trim();
    for (const { entry, pattern } of this.compiled) {
      if (pattern.test(text)) return { id: entry.id, explanation: entry.explanation };
    }
    return null;
  }
}

/** Where the corpus lives: beside the bundle, or in the source tree when run from it. */
export function knowledgeDirs(): string[] {
  return [path.join(__dirname, 'knowledge'), path.join(__dirname, '..', 'planner', 'knowledge'), path.join(__dirname, '..', 'server', 'src', 'planner', 'knowledge')];
}

/** Loads every `*.json` corpus file it finds; a missing or unreadable corpus means no matches, not a failure. */
export function loadKnowledge(dirs: string[] = knowledgeDirs()): Knowledge {
  for (const dir of dirs) {
    let files: string[];
    try {
      files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    } catch {
      continue;
    }
    const entries: KnowledgeEntry[] = [];
    for (const file of files.sort()) {
      try {
        const data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown;
        if (!Array.isArray(data)) continue;
        for (const e of data as KnowledgeEntry[]) {
          if (e && typeof e.template === 'string' && typeof e.explanation === 'string' && e.slots && typeof e.slots === 'object') entries.push(e);
        }
      } catch {
        continue;
      }
    }
    if (entries.length > 0) return new Knowledge(entries);
  }
  return new Knowledge([]);
}
