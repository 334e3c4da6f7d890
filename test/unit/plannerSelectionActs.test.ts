// An act applied to a selection of files, stated in one request: the
// selection keeps its own conditions (owner, kind, name, depth, negation),
// the act takes its values from the request's words, and a value the request
// does not give is left as a slot to ask for, never made up.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectionCandidates } from '../../server/src/planner/findSelection';
import { readRequest } from '../../server/src/planner/requestFacts';
import { judgedProgram } from '../support/policyDecision';

const best = (request: string) => selectionCandidates(readRequest(request))[0];
const find = (request: string) => best(request)?.command;

test('the owner a selection belongs to is a test; the owner to give is the act', () => {
  assert.equal(find('find all files which belong to user lal and change their ownership to ravi'), 'find . -type f -user lal -exec chown ravi {} +');
  assert.equal(find("Change user ownership to `foo' for files with UID=1005"), 'find . -type f -uid 1005 -exec chown foo {} +');
  assert.equal(find('change the owner of all files in logs owned by root to alice'), 'find logs -type f -user root -exec chown alice {} +');
  assert.equal(find('find all files under /srv and change their owner and group to www-data'), 'find /srv -type f -exec chown www-data:www-data {} +');
  // "so that they belong to alice" names the new owner, not the files to pick.
  assert.doesNotMatch(find('change the ownership of all files in logs so that they belong to alice') ?? '', /-user\b/);
});

test('an owner or mode the request does not give is a slot to ask for', () => {
  const owner = best('chown all the files under logs');
  assert.equal(owner?.command, "find logs -type f -exec chown '<user>' {} +");
  assert.deepEqual(owner?.missing, ['user']);
  const mode = best('change the permissions of all the directories in src');
  assert.equal(mode?.command, "find src -type d -exec chmod '<mode>' {} +");
  assert.deepEqual(mode?.missing, ['mode']);
  // "the user with the uid 999" picks the files; nobody to give them to is named.
  const uid = best('change the owner of all the files in the file system which belong to the user with the uid 999');
  assert.equal(uid?.command, "find / -type f -uid 999 -exec chown '<user>' {} +");
});

test('a move of every entry of a folder keeps to its top level; a destination nobody named is asked for', () => {
  assert.equal(find('Move all files and directories in src to "/tmp/blah/"'), 'find src -mindepth 1 -maxdepth 1 -exec mv -t /tmp/blah {} +');
  const dest = best('copy all the .c files in src to another folder');
  assert.equal(dest?.command, "find src -type f -name '*.c' -exec cp -t '<dest>' {} +");
  assert.deepEqual(dest?.missing, ['dest']);
});

test('permissions given or taken away in words', () => {
  assert.equal(find('remove all the permissions for others from all the files in src'), 'find src -type f -exec chmod o-rwx {} +');
  assert.equal(find('give the group write access to all the files in logs'), 'find logs -type f -exec chmod g+w {} +');
  assert.equal(find('find files with group write permission and remove the permission'), 'find . -type f -perm -g+w -exec chmod g-w {} +');
});

test('edits of each file: truncate, line endings, trailing blanks, a literal replacement, a new extension', () => {
  assert.equal(find('Truncate all non-empty regular files under logs'), 'find logs -type f ! -empty -exec truncate -s 0 {} +');
  assert.equal(find('truncate all the .log files in logs to 1MB'), "find logs -type f -name '*.log' -exec truncate -s 1M {} +");
  assert.equal(find('convert all the normal files in src from dos format to unix format'), "find src -type f -exec sed -i 's/\\r$//' {} +");
  assert.equal(find('Remove trailing white spaces from all files under src and keep backups of the originals'), "find src -type f -exec sed -i.bak 's/[[:space:]]*$//' {} +");
  assert.equal(find("find all regular files in www and replace every occurrences of 'a.example.com' with 'b.example.com' in those files"), "find www -type f -exec sed -i 's|a\\.example\\.com|b.example.com|g' {} +");
  assert.equal(find('Rename all *.html files under and below the current directory to *.var'), `find . -type f -name '*.html' -exec sh -c 'for f; do mv -- "$f" "\${f%.html}.var"; done' sh {} +`);
  assert.equal(find('rename all the text files in docs to html files'), `find docs -type f -name '*.txt' -exec sh -c 'for f; do mv -- "$f" "\${f%.txt}.html"; done' sh {} +`);
  // "convert" with no conversion read is no plan of the files alone.
  assert.equal(find('convert all the csv files in data'), undefined);
});

test('what is already compressed, or excluded by a pattern, is left out', () => {
  assert.equal(find('compress all the non-compressed files in logs'), "find logs -type f ! -name '*.gz' -exec gzip {} +");
  assert.equal(find('find all the non compressed files in logs and compress them'), "find logs -type f ! -name '*.gz' -exec gzip {} +");
  assert.equal(find('Find all files in logs excluding *.gz files and compress them with gzip'), "find logs -type f ! -name '*.gz' -exec gzip {} +");
  assert.equal(find('Copy all files excluding *.flac files under music to /media/backup'), "find music -type f ! -name '*.flac' -exec cp -t /media/backup {} +");
  // Names excepted one by one are left out by name; an archive among them is not one to make.
  assert.equal(find('Remove all regular files from build except textfile.txt, backup.tar.gz and info.txt'), 'find build -type f ! -name textfile.txt ! -name backup.tar.gz ! -name info.txt -delete');
});

test('"and", "or" and a kind of file are no folder to start from', () => {
  assert.equal(find('Remove all .txt files in and below the current directory'), "find . -type f -name '*.txt' -delete");
  assert.equal(find('Remove trailing whitespaces in TXT files from the current directory tree'), "find . -type f -name '*.txt' -exec sed -i 's/[[:space:]]*$//' {} +");
});

/** The effect check of one program for `request`, changing (writing and deleting) `changes`. */
const judged = (request: string, program: string, args: string[], changes: string[]) => judgedProgram(request, program, args, { writes: changes, deletes: changes });

test('a compression nobody asked for is set aside; asked for, it is not', () => {
  assert.match(judged('rename all the text files in docs to html files', 'gzip', ['docs/a.txt'], ['docs/a.txt']).join(' '), /compresses files \(gzip\)/);
  assert.doesNotMatch(judged('compress the text files in docs', 'gzip', ['docs/a.txt'], ['docs/a.txt']).join(' '), /compresses files/);
});

test('"another folder" is never taken as the name of a folder', () => {
  assert.match(judged('move all files in src to another folder', 'mv', ['src', 'another'], ['another']).join(' '), /works on another, a word of the request/);
  assert.doesNotMatch(judged('move all files in src to archive', 'mv', ['src', 'archive'], ['archive']).join(' '), /a word of the request/);
});

test('a kind the command leaves out is not a kind it changes', () => {
  const reasons = judged('compress all the non-compressed files in logs', 'find', ['logs', '-type', 'f', '!', '-name', '*.gz', '-exec', 'gzip', '{}', '+'], ['logs/a']);
  assert.doesNotMatch(reasons.join(' '), /\*\.gz files, a kind/);
  assert.match(judged('compress all the files in logs', 'find', ['logs', '-name', '*.gz', '-exec', 'gzip', '{}', '+'], ['logs/a']).join(' '), /\*\.gz files, a kind/);
  // Leaving out a kind nobody named chooses what is changed: made up all the same.
  const rest = ['/x', '-type', 'f', '!', '-name', '*.txt', '-delete'];
  assert.match(judged('delete all files under /x that are not newer than dummyfile', 'find', rest, ['/x/a']).join(' '), /leaves out \*\.txt files, a kind the request does not name/);
  assert.doesNotMatch(judged('delete all files under /x except the .txt files', 'find', rest, ['/x/a']).join(' '), /leaves out \*\.txt/);
});
