// Compound requests that act on what a find selects: the selection reads
// every condition the request states (ages said as products, names with
// blanks, "without recursion", dot folders, "everything in X"), the act takes
// its values from the request, an output file nobody named is asked for, and
// the checks set aside plans that select or delete more than asked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withoutGitInternals, type EmbeddedCandidate } from '../../server/src/planner/embeddedPlanner';
import { preferSelection, selectionCandidates } from '../../server/src/planner/findSelection';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';
import { judgedProgram } from '../support/policyDecision';

const best = (request: string) => selectionCandidates(readRequest(request))[0];
const find = (request: string) => best(request)?.command;

test('a span said as a product of numbers is one age, not a name', () => {
  assert.equal(find('remove all the core files from /usr which have not been accessed in the last 7*24 hours'), 'find /usr -type f -name core -amin +10080 -delete');
  assert.equal(find('display all the html files in the current folder that have been modified in the last 30 x 24 hours'), "find . -type f -name '*.html' -mmin -43200");
});

test('a dot folder after "in" is where the walk starts; a dot extension stays a kind', () => {
  assert.equal(find("find all regular files in .git and replace every occurrence of 'a.example.com' with 'b.example.com' in those files"), "find .git -type f -exec sed -i 's|a\\.example\\.com|b.example.com|g' {} +");
  assert.equal(find('delete all .bak files in src'), "find src -type f -name '*.bak' -delete");
  assert.equal(find('list the files ending in .bak'), "find . -type f -name '*.bak'");
});

test('what is already compressed stays out of a compression said as "a gzip of"', () => {
  assert.equal(find('create a gzip of all the files in the current folder excluding the already gzipped files'), "find . -type f ! -name '*.gz' -exec gzip {} +");
  assert.equal(find('gzip all the files in logs except the ones already gzipped'), "find logs -type f ! -name '*.gz' -exec gzip {} +");
  // Archived "to .bz2" is each file compressed in place, which removes the original: the request allows it.
  assert.equal(readIntent(readRequest('find all xml files and archive them to .bz2 archives')).allows.delete, true);
  assert.equal(readIntent(readRequest('find all xml files and archive them')).allows.delete, false);
});

test('an output file nobody named is a slot to ask for; a named one is where the output goes', () => {
  const unnamed = best('search for all the files in the current folder which have not been modified in the last 7 days and save the output to a file');
  assert.equal(unnamed?.command, "find . -type f -mtime +7 > '<file>'");
  assert.deepEqual(unnamed?.missing, ['file']);
  assert.equal(find('search for all the files in src and append the output to the file exclude'), 'find src -type f >> exclude');
  // The file the output goes to is not a file to select.
  assert.equal(find('search for all text files in the directory /data and save the output to the file out.txt'), "find /data -type f -name '*.txt' > out.txt");
  // Files to pass to a program nobody names are no plan of the listing.
  assert.equal(find('search for all text files in /data and pass them as input to the shell script and save the output to the file out.txt'), undefined);
});

test('"without recursion" keeps to the folder; blanks in names are a test, never dropped', () => {
  assert.equal(find('Delete files containing whitespaces without recursion'), "find . -maxdepth 1 -type f -name '* *' -delete");
  assert.equal(find('Remove all .txt files with spaces in names in and below the current directory'), "find . -type f -name '* *' -name '*.txt' -delete");
  assert.equal(find('List all files under current directory with white space safety in their paths'), 'find . -type f');
  assert.doesNotMatch(find('find the files in src, which may contain spaces in their names') ?? '', /-name/);
});

test('names said with "whose names are", and "not newer than" read as older', () => {
  assert.equal(find('Remove all files and directories in the /home directory tree whose names are "Trash"'), 'find /home -name Trash -delete');
  assert.doesNotMatch(find('find all files in the current folder whose name is of length 1') ?? '', /-name of\b/);
  assert.equal(find('list all files in the entire filesystem which are not newer than /tmp/timestamp'), 'find / -type f ! -newer /tmp/timestamp');
});

test('everything in a folder is what is in it, not the folder', () => {
  assert.equal(find('remove everything in the tmp folder'), 'find tmp -mindepth 1 -delete');
  assert.equal(find('Remove everything in the current folder without prompting.'), 'find . -mindepth 1 -delete');
  assert.equal(find("Remove all files/directories in the current directory without '.git' and '.gitignore'"), "find . -mindepth 1 -not -path '*/.git' -not -path '*/.git/*' ! -name .gitignore -delete");
});

test('a change of permissions said with "update" is read, its mode asked for when not given', () => {
  assert.equal(find('update the permissions of the php files in src to 640'), "find src -type f -name '*.php' -exec chmod 640 {} +");
  const slot = best('update the permission of all the php files in current directory');
  assert.equal(slot?.command, "find . -type f -name '*.php' -exec chmod '<mode>' {} +");
  assert.deepEqual(slot?.missing, ['mode']);
});

test('the folder .git stays out of a walk one level down or of everything below', () => {
  assert.equal(withoutGitInternals('find . -maxdepth 1 -type f -exec mv -t dest {} +'), 'find . -maxdepth 1 -type f -not -path ./.git -exec mv -t dest {} +');
  assert.equal(withoutGitInternals('find . -mindepth 1 -delete'), "find . -mindepth 1 -not -path ./.git -not -path './.git/*' -delete");
  assert.equal(withoutGitInternals('find . -type f -name x'), "find . -type f -name x -not -path './.git/*'");
});

test('a selection that carries the ordered move goes before finds that only list', () => {
  const candidate = (command: string, confidence: number, source = 'template'): EmbeddedCandidate => ({ command, confidence, explanation: '', source, filled: [], missing: [] });
  const listing = candidate('find . -type f', 0.7);
  const remover = candidate('find . -type f -exec rm -f -- {} +', 0.7);
  const selection = candidate('find . -mindepth 1 -maxdepth 1 -exec mv -t /tmp/blah {} +', 0.55, 'find.selection');
  const all = [listing, remover, selection];
  preferSelection(all, 'Move all files and directories in the current directory to /tmp/blah');
  assert.ok(listing.confidence < selection.confidence);
  assert.equal(remover.confidence, 0.7);
});

/** The effect check of one program for `request`, deleting `deletes`. */
const judged = (request: string, program: string, args: string[], deletes: string[]) => judgedProgram(request, program, args, { deletes });

test('deleting the folder for "everything in it" is set aside; emptying it is not', () => {
  assert.match(judged('remove everything in the tmp folder', 'rm', ['-r', 'tmp'], ['tmp']).join(' '), /deletes the folder tmp itself/);
  assert.doesNotMatch(judged('remove everything in the tmp folder', 'find', ['tmp', '-mindepth', '1', '-delete'], ['tmp']).join(' '), /itself/);
});

test('a find that drops the age the request states is set aside, a look included', () => {
  assert.match(judged('display all the files in src modified in the last 5*24 hours', 'find', ['src', '-type', 'f'], []).join(' '), /leaves out the age/);
  assert.doesNotMatch(judged('display all the files in src modified in the last 5*24 hours', 'find', ['src', '-type', 'f', '-mmin', '-7200'], []).join(' '), /leaves out the age/);
});

test('files called one name are renamed to another where they are; the new name is never where a listing goes', () => {
  assert.equal(find('Rename recursively all files in the current directory tree that are called "article.xml" to "001_article.xml"'), `find . -type f -name article.xml -exec sh -c 'for f; do mv -- "$f" "$(dirname -- "$f")/001_article.xml"; done' sh {} +`);
  assert.doesNotMatch(find('rename all the files named notes.txt in docs to README.txt') ?? '', />/);
});

test('what the request leaves out is read, and a selection whose exclusion cannot be read is no plan', () => {
  assert.equal(find('Find all .js files in the current directory tree that do not contain a whitespace'), "find . -type f ! -name '* *' -name '*.js'");
  assert.equal(find('display all file in the home folder except ".c" files'), "find ~ -type f ! -name '*.c'");
  assert.equal(find("Find all regular files under '/home/john/scripts' directory tree excluding files with '.ksh' extension"), "find /home/john/scripts -type f ! -name '*.ksh'");
  assert.equal(find('search for MP3 files in the current folder and subfolders except in dir1 subfolder'), "find . -name '*.mp3' -not -path '*/dir1/*'");
  // Deleting with the exclusion or the link target dropped would delete more than asked.
  assert.equal(find('Remove all files except the ones listed in "MANIFEST"'), undefined);
  assert.equal(find('Find and delete all hard links in the /home directory to file1'), undefined);
});
