// The words the scope requests are made of: folders, kinds of file, ages,
// sizes, owners, acts, politeness and typos, each with what it means for the
// bound a plan must keep.
import type { Draw } from './scopeRequests';

export const FOLDERS = ['logs', 'tmp', 'build', 'src', 'data', 'docs', 'scripts', 'conf', 'site'] as const;

/** A folder in words. */
export function folderWords(d: Draw, f: string): string {
  return d.pick([f, `the ${f} folder`, `the ${f} directory`, `./${f}`, `${f}/`, `the ${f} dir`]);
}

export interface Kind {
  ext: string;
  plural: string[];
  singular: string[];
}

export const KINDS: Kind[] = [
  { ext: 'log', plural: ['.log files', 'log files', '*.log files'], singular: ['.log file', 'log file'] },
  { ext: 'tmp', plural: ['.tmp files', 'tmp files', 'temporary .tmp files'], singular: ['.tmp file'] },
  { ext: 'py', plural: ['python files', '.py files', 'python scripts'], singular: ['python file', '.py file'] },
  { ext: 'ts', plural: ['typescript files', '.ts files'], singular: ['typescript file', '.ts file'] },
  { ext: 'js', plural: ['javascript files', '.js files'], singular: ['javascript file', '.js file'] },
  { ext: 'csv', plural: ['csv files', '.csv files', 'CSVs'], singular: ['csv file'] },
  { ext: 'md', plural: ['markdown files', '.md files'], singular: ['markdown file'] },
  { ext: 'sh', plural: ['shell scripts', '.sh files', 'sh scripts'], singular: ['shell script', '.sh file'] },
  { ext: 'json', plural: ['json files', '.json files'], singular: ['json file'] },
  { ext: 'txt', plural: ['text files', '.txt files'], singular: ['text file', '.txt file'] },
  { ext: 'bin', plural: ['.bin files', 'bin files'], singular: ['.bin file'] },
];

export interface Age {
  days: number;
  older: string[];
  newer: string[];
}

export const AGES: Age[] = [
  { days: 7, older: ['older than 7 days', 'older than a week', 'more than a week old', 'not modified in the last 7 days'], newer: ['modified in the last 7 days', 'changed within the past week'] },
  { days: 30, older: ['older than 30 days', 'older than a month', 'not touched for 30 days'], newer: ['modified in the last 30 days'] },
  { days: 3, older: ['older than 3 days', 'last modified more than 3 days ago'], newer: ['changed in the last 3 days', 'modified less than 3 days ago'] },
  { days: 14, older: ['older than two weeks', 'older than 14 days'], newer: ['edited in the last 14 days'] },
];

export interface Size {
  find: string;
  words: string[];
}

export const SIZES: Size[] = [
  { find: '+1M', words: ['larger than 1MB', 'bigger than 1 megabyte', 'over 1M', 'above 1 MB'] },
  { find: '+100k', words: ['larger than 100k', 'bigger than 100 kilobytes', 'over 100KB'] },
  { find: '-10k', words: ['smaller than 10k', 'under 10 kilobytes', 'less than 10KB'] },
  { find: '+500k', words: ['bigger than 500KB', 'larger than 500 kilobytes'] },
];

export const OWNERS = ['alice', 'bob', 'www-data', 'deploy', 'root'] as const;

export const DELETE_VERBS = ['delete', 'remove', 'erase', 'get rid of', 'clean out', 'rm'];
export const COMPRESS_VERBS = ['compress', 'gzip', 'zip up'];
export const LIST_VERBS = ['list', 'show', 'show me', 'find', 'display', 'print'];

export function polite(d: Draw, s: string): string {
  const style = d.pick(['plain', 'please', 'could', 'would', 'thanks', 'need', 'plain']);
  if (style === 'please') return `please ${s}`;
  if (style === 'could') return `could you ${s}?`;
  if (style === 'would') return `would you kindly ${s}`;
  if (style === 'thanks') return `${s}, thanks`;
  if (style === 'need') return `I need you to ${s}`;
  return s;
}

const TYPOS: Record<string, string[]> = {
  delete: ['delte', 'deleet', 'dlete'],
  remove: ['remvoe', 'rmeove'],
  compress: ['compres', 'comrpess'],
  list: ['lsit', 'lisst'],
  show: ['shwo', 'sohw'],
  files: ['fiels', 'flies', 'filse'],
  folder: ['foldr', 'fodler'],
  directory: ['directroy', 'dirctory'],
  python: ['pyhton', 'pyton'],
  executable: ['exectuable', 'executible'],
};

/** One word of the request misspelt, when the draw says so. */
export function typo(d: Draw, s: string): string {
  const words = s.split(' ');
  const at = words.map((w, i) => (TYPOS[w.toLowerCase()] ? i : -1)).filter((i) => i >= 0);
  if (at.length === 0) return s;
  const i = d.pick(at);
  words[i] = d.pick(TYPOS[words[i].toLowerCase()]);
  return words.join(' ');
}

/** The plural form of a kind, its extension and the folder it is most at home in. */
export function kindIn(d: Draw): { kind: Kind; folder: string } {
  return { kind: d.pick(KINDS), folder: d.pick(FOLDERS) };
}
