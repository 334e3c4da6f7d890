// The templates of the scope requests, in three halves of distinct wordings.
// Each makes a request, the bound a correct plan keeps, and one such plan.
import type { Draw, ScopeBound } from './scopeRequests';
import { AGES, COMPRESS_VERBS, DELETE_VERBS, FOLDERS, LIST_VERBS, OWNERS, SIZES, folderWords, kindIn, polite, typo } from './scopeVocabulary';

export interface ScopeTemplate {
  half: 'A' | 'B' | 'C';
  name: string;
  make(d: Draw): { request: string; bound: ScopeBound; reference?: string };
}

const q = (ext: string) => `'*.${ext}'`;

const NON_TASKS_A = ['bake me a cake', 'delete my ex from my memory', 'move the meeting to friday', 'compress my schedule for next week', 'find me a good restaurant in lyon', 'remove the stain from my shirt', 'list three reasons to exercise', 'change the owner of the dog to my sister'];
const NON_TASKS_B = ['kill some time before the train', 'make my coffee stronger', 'copy my homework from Tom', 'sort out my life', 'show me how to tie a tie', 'clean up the kitchen', 'find the meaning of life', 'archive my memories of summer'];
const NON_TASKS_C = ['erase the whiteboard', 'chmod the cat so she can run', 'zip my jacket', 'move the sofa to the left', 'count the stars tonight', 'delete the mosquitoes from my room', 'list the best movies of 2020', 'touch the sky'];

export const scopeTemplates: ScopeTemplate[] = [
  // ---- half A
  { half: 'A', name: 'delete-kind', make: (d) => {
    const { kind, folder } = kindIn(d);
    const request = polite(d, `${d.pick(DELETE_VERBS)} all ${d.pick(kind.plural)} ${d.pick(['in', 'under', 'inside'])} ${folderWords(d, folder)}`);
    return { request: d.chance(0.2) ? typo(d, request) : request, bound: { look: false, folder, kind: kind.ext, act: 'delete' }, reference: `find ${folder} -type f -name ${q(kind.ext)} -delete` };
  } },
  { half: 'A', name: 'delete-flat', make: (d) => {
    const { kind, folder } = kindIn(d);
    const tail = d.pick(['but not in its subfolders', 'without going into subfolders', 'only at the top level', 'not recursively']);
    return { request: polite(d, `${d.pick(DELETE_VERBS)} the ${d.pick(kind.plural)} in ${folderWords(d, folder)} ${tail}`), bound: { look: false, folder, flat: true, kind: kind.ext, act: 'delete' }, reference: `rm -f ${folder}/*.${kind.ext}` };
  } },
  { half: 'A', name: 'compress-kind', make: (d) => {
    const { kind, folder } = kindIn(d);
    return { request: polite(d, `${d.pick(COMPRESS_VERBS)} every ${d.pick(kind.singular)} under ${folderWords(d, folder)}`), bound: { look: false, folder, kind: kind.ext, act: 'compress' }, reference: `find ${folder} -type f -name ${q(kind.ext)} -exec gzip {} +` };
  } },
  { half: 'A', name: 'chmod-plus', make: (d) => {
    const folder = d.pick(['scripts', 'src', 'build', 'tmp']);
    const kind = d.pick(['sh', 'py']);
    const words = kind === 'sh' ? d.pick(['shell scripts', '.sh files']) : d.pick(['python scripts', '.py files']);
    return { request: polite(d, `make the ${words} in ${folderWords(d, folder)} ${d.pick(['executable', 'runnable', 'executable by everyone'])}`), bound: { look: false, folder, kind, act: 'chmod+x' }, reference: `find ${folder} -type f -name ${q(kind)} -exec chmod +x {} +` };
  } },
  { half: 'A', name: 'list-kind', make: (d) => {
    const { kind, folder } = kindIn(d);
    return { request: polite(d, `${d.pick(LIST_VERBS)} the ${d.pick(kind.plural)} in ${folderWords(d, folder)}`), bound: { look: true, folder, kind: kind.ext }, reference: `find ${folder} -type f -name ${q(kind.ext)}` };
  } },
  { half: 'A', name: 'count-kind', make: (d) => {
    const { kind, folder } = kindIn(d);
    return { request: d.pick([`how many ${d.pick(kind.plural)} are there in ${folderWords(d, folder)}?`, `count the ${d.pick(kind.plural)} under ${folderWords(d, folder)}`]), bound: { look: true, folder, kind: kind.ext }, reference: `find ${folder} -type f -name ${q(kind.ext)} | wc -l` };
  } },
  { half: 'A', name: 'delete-old', make: (d) => {
    const { kind, folder } = kindIn(d);
    const age = d.pick(AGES);
    return { request: polite(d, `${d.pick(DELETE_VERBS)} ${d.pick(kind.plural)} in ${folderWords(d, folder)} ${d.pick(age.older)}`), bound: { look: false, folder, kind: kind.ext, act: 'delete', age: age.days }, reference: `find ${folder} -type f -name ${q(kind.ext)} -mtime +${age.days} -delete` };
  } },
  { half: 'A', name: 'nontask-a', make: (d) => ({ request: polite(d, d.pick(NON_TASKS_A)), bound: { look: true, nonTask: true } }) },
  // ---- half B
  { half: 'B', name: 'chmod-minus', make: (d) => {
    const folder = d.pick(['scripts', 'src', 'build', 'tmp']);
    const kind = d.pick(['sh', 'py', 'txt']);
    const how = d.pick(['remove the execute permission from', 'take away the executable bit of', 'make non-executable', 'chmod -x']);
    return { request: polite(d, `${how} the .${kind} files in ${folderWords(d, folder)}`), bound: { look: false, folder, kind, act: 'chmod-x' }, reference: `find ${folder} -type f -name ${q(kind)} -exec chmod -x {} +` };
  } },
  { half: 'B', name: 'chown-kind', make: (d) => {
    const { kind, folder } = kindIn(d);
    const owner = d.pick(OWNERS);
    return { request: polite(d, d.pick([`change the owner of the ${d.pick(kind.plural)} in ${folderWords(d, folder)} to ${owner}`, `make ${owner} the owner of the ${d.pick(kind.plural)} in ${folderWords(d, folder)}`])), bound: { look: false, folder, kind: kind.ext, act: 'chown', owner }, reference: `find ${folder} -type f -name ${q(kind.ext)} -exec chown ${owner} {} +` };
  } },
  { half: 'B', name: 'list-size', make: (d) => {
    const { kind, folder } = kindIn(d);
    const size = d.pick(SIZES);
    return { request: polite(d, `${d.pick(LIST_VERBS)} the ${d.pick(kind.plural)} in ${folderWords(d, folder)} ${d.pick(size.words)}`), bound: { look: true, folder, kind: kind.ext, size: size.find }, reference: `find ${folder} -type f -name ${q(kind.ext)} -size ${size.find}` };
  } },
  { half: 'B', name: 'delete-except', make: (d) => {
    const { kind, folder } = kindIn(d);
    return { request: polite(d, `${d.pick(DELETE_VERBS)} ${d.pick(['everything', 'all files'])} in ${folderWords(d, folder)} ${d.pick(['except', 'but', 'apart from'])} the ${d.pick(kind.plural)}`), bound: { look: false, folder, kind: kind.ext, except: true, act: 'delete' }, reference: `find ${folder} -type f ! -name ${q(kind.ext)} -delete` };
  } },
  { half: 'B', name: 'delete-only-top', make: (d) => {
    const { kind, folder } = kindIn(d);
    return { request: d.pick(['', 'please ']) + (`only in ${folderWords(d, folder)} itself, ${d.pick(DELETE_VERBS)} the ${d.pick(kind.plural)}`), bound: { look: false, folder, flat: true, kind: kind.ext, act: 'delete' }, reference: `rm -f ${folder}/*.${kind.ext}` };
  } },
  { half: 'B', name: 'is-there-size', make: (d) => {
    const { kind, folder } = kindIn(d);
    const size = d.pick(SIZES);
    return { request: `${d.pick(['is there', 'are there any'])} ${d.pick(kind.plural)} in ${folderWords(d, folder)} ${d.pick(size.words)}?`, bound: { look: true, folder, kind: kind.ext, size: size.find }, reference: `find ${folder} -type f -name ${q(kind.ext)} -size ${size.find}` };
  } },
  { half: 'B', name: 'delete-oldest', make: (d) => {
    const { kind, folder } = kindIn(d);
    return { request: polite(d, `${d.pick(DELETE_VERBS)} the ${d.pick(['oldest', 'least recently modified'])} ${d.pick(kind.singular)} in ${folderWords(d, folder)}`), bound: { look: false, folder, flat: true, kind: kind.ext, act: 'delete', single: true }, reference: `ls -tr ${folder}/*.${kind.ext} | head -n 1 | xargs rm -f` };
  } },
  { half: 'B', name: 'typo-delete', make: (d) => {
    const { kind, folder } = kindIn(d);
    const ext = d.pick(['log', 'tmp', 'bak', kind.ext]);
    const request = typo(d, `delete the .${ext} files in the ${folder} folder`);
    return { request, bound: { look: false, folder, kind: ext, act: 'delete' }, reference: `find ${folder} -type f -name ${q(ext)} -delete` };
  } },
  { half: 'B', name: 'nontask-b', make: (d) => ({ request: polite(d, d.pick(NON_TASKS_B)), bound: { look: true, nonTask: true } }) },
  // ---- half C (run once before any fix)
  { half: 'C', name: 'get-rid-thanks', make: (d) => {
    const { kind, folder } = kindIn(d);
    return { request: `could you get rid of the ${d.pick(kind.plural)} sitting in ${folderWords(d, folder)}, thanks`, bound: { look: false, folder, kind: kind.ext, act: 'delete' }, reference: `find ${folder} -type f -name ${q(kind.ext)} -delete` };
  } },
  { half: 'C', name: 'which-age', make: (d) => {
    const { kind, folder } = kindIn(d);
    const age = d.pick(AGES);
    return { request: `which ${d.pick(kind.plural)} in ${folderWords(d, folder)} are ${d.pick(age.older)}?`, bound: { look: true, folder, kind: kind.ext, age: age.days }, reference: `find ${folder} -type f -name ${q(kind.ext)} -mtime +${age.days}` };
  } },
  { half: 'C', name: 'compress-size', make: (d) => {
    const { kind, folder } = kindIn(d);
    const size = d.pick(SIZES);
    return { request: polite(d, `${d.pick(COMPRESS_VERBS)} the ${d.pick(kind.plural)} in ${folderWords(d, folder)} that are ${d.pick(size.words)}`), bound: { look: false, folder, kind: kind.ext, size: size.find, act: 'compress' }, reference: `find ${folder} -type f -name ${q(kind.ext)} -size ${size.find} -exec gzip {} +` };
  } },
  { half: 'C', name: 'here-only-list', make: (d) => {
    const { kind } = kindIn(d);
    return { request: polite(d, `${d.pick(['in the current folder only', 'right here, not in subfolders', 'in this directory only'])}, ${d.pick(LIST_VERBS)} the ${d.pick(kind.plural)}`), bound: { look: true, folder: '.', flat: true, kind: kind.ext }, reference: `ls -- *.${kind.ext}` };
  } },
  { half: 'C', name: 'move-kind', make: (d) => {
    const { kind, folder } = kindIn(d);
    const dest = d.pick(['archive', 'backup', 'old']);
    return { request: polite(d, `move the ${d.pick(kind.plural)} from ${folderWords(d, folder)} ${d.pick(['to', 'into'])} ${dest}/`), bound: { look: false, folder, kind: kind.ext, act: 'move', dest }, reference: `mkdir -p ${dest} && mv ${folder}/*.${kind.ext} ${dest}/` };
  } },
  { half: 'C', name: 'not-exec-file', make: (d) => {
    const file = d.pick(['scripts/deploy.sh', 'scripts/run.sh', 'scripts/backup.sh', 'src/app.py']);
    const folder = file.split('/')[0];
    return { request: polite(d, `${d.pick(['make', 'set'])} ${file} ${d.pick(['not executable', 'non-executable', 'so nobody can execute it'])}`), bound: { look: false, folder, act: 'chmod-x', name: file.split('/')[1] }, reference: `chmod a-x ${file}` };
  } },
  { half: 'C', name: 'which-not-delete', make: (d) => {
    const { kind, folder } = kindIn(d);
    return { request: `which ${d.pick(kind.plural)} in ${folderWords(d, folder)} ${d.pick(['would you delete? do not delete them', 'are safe to remove? just tell me', 'could go? leave them in place'])}`, bound: { look: true, folder, kind: kind.ext }, reference: `find ${folder} -type f -name ${q(kind.ext)}` };
  } },
  { half: 'C', name: 'copy-kind', make: (d) => {
    const { kind } = kindIn(d);
    const folder = d.pick(FOLDERS);
    return { request: polite(d, `copy the ${d.pick(kind.plural)} in ${folderWords(d, folder)} to backup/`), bound: { look: false, folder, kind: kind.ext, act: 'copy', dest: 'backup' }, reference: `mkdir -p backup && cp ${folder}/*.${kind.ext} backup/` };
  } },
  { half: 'C', name: 'nontask-c', make: (d) => ({ request: polite(d, d.pick(NON_TASKS_C)), bound: { look: true, nonTask: true } }) },
];
