// What a plan picks, held to what the request picks: places said in words are
// no file names, a listing that feeds xargs bounds what xargs changes, folders
// are not files, and a text the files hold is not tested against their names.
// Commands are read by the real parser into the facts the policy sees.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectionCandidates } from '../../server/src/planner/findSelection';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest, type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { placeInWords } from '../../server/src/planner/requestPlaces';
import { effectChecks } from '../support/policyDecision';

// A workspace with a link called `current` (a release folder), as deploy trees have.
const ws: WorkspaceNames = {
  files: new Set(['current', 'notes.txt', 'docs/draft.md', 'src/app.ts']),
  dirs: new Set(['docs', 'src', 'tmp']),
  byBase: new Map([['current', 'current'], ['notes.txt', 'notes.txt'], ['draft.md', 'docs/draft.md'], ['app.ts', 'src/app.ts']]),
};

const { over, short } = effectChecks(ws);
const selection = (request: string) => selectionCandidates(readRequest(request, ws))[0]?.command;

test('"the current folder" is the working folder, even where a file is called current', () => {
  assert.deepEqual(readRequest('truncate all regular files under the current directory', ws).dirs.map((d) => d.value), ['.']);
  assert.deepEqual(readRequest('remove everything in a current folder', ws).files, []);
  assert.equal(placeInWords('the current working directory'), '.');
  assert.equal(placeInWords("the current directory's parent"), '..');
  assert.equal(placeInWords('the parent folder'), '..');
  assert.equal(placeInWords('the build folder'), undefined);
  assert.match(over('remove everything in the current folder', 'rm -f current'), /changes current, a word of the request/);
  assert.doesNotMatch(over('delete the file called current', 'rm -- current'), /a word of the request/);
});

test('a destination said in words is where things go, not where they are found', () => {
  assert.equal(selection('move all pdf files to the parent directory'), "find . -type f -name '*.pdf' -exec mv -t .. {} +");
  assert.equal(selection('copy every csv file into the home folder'), "find . -type f -name '*.csv' -exec cp -t ~ {} +");
  assert.equal(selection('find the log files in my home folder'), "find ~ -type f -name '*.log'");
  assert.equal(selection('find all regular files under ~/container and move them to the current directory'), 'find ~/container -type f -exec mv -t . {} +');
});

test('what a listing feeds to xargs stays inside what the listing looked through', () => {
  assert.doesNotMatch(over('replace foo with bar in the files under docs', "grep -rlZ foo docs | xargs -0 -r sed -i 's/foo/bar/g'"), /outside docs/);
  assert.doesNotMatch(over('replace foo with bar in the files under docs', "find docs -type f -print0 | xargs -0 sed -i 's/foo/bar/g'"), /outside docs/);
  assert.match(over('replace foo with bar in the files under docs', "grep -rlZ foo . | xargs -0 -r sed -i 's/foo/bar/g'"), /outside docs/);
  assert.match(over('replace foo with bar in the files under docs', "cat list.txt | xargs sed -i 's/foo/bar/g'"), /outside docs/);
  assert.doesNotMatch(over('delete the files in docs that mention draft', 'grep -rl draft docs | xargs -r rm --'), /deletes everything in docs/);
  assert.match(over('delete the files in docs that mention draft', 'ls docs | xargs -r rm --'), /deletes everything in docs/);
});

test('folders are not files, and a text the files hold is not a name', () => {
  assert.match(over('replace foo with bar in every file under src', "find src -type d -exec sed -i 's/foo/bar/g' {} +"), /picks folders \(-type d\), but the request speaks of files/);
  assert.doesNotMatch(over('make every folder under src readable', 'find src -type d -exec chmod a+rx {} +'), /picks folders/);
  assert.doesNotMatch(over('replace foo with bar in every file under src', "find src -type f -exec sed -i 's/foo/bar/g' {} +"), /picks folders/);
  assert.match(over('delete the files in docs that mention draft', "find docs -name '*draft*' -delete"), /looks for draft in file names, but the request asks what the files contain/);
  assert.doesNotMatch(over('delete the files in docs whose names contain draft', "find docs -name '*draft*' -delete"), /file names/);
  assert.doesNotMatch(over("delete the files containing 'draft' in their names", "find . -name '*draft*' -delete"), /file names/);
  assert.match(over('remove the files in docs which have the word draft in their contents', "find docs -type f -name '*draft*' -delete"), /looks for draft in file names/);
  assert.match(over('delete every file that holds "secret" in its text', "find . -name 'secret*' -exec rm -f -- {} +"), /looks for secret in file names/);
  assert.doesNotMatch(over('delete the files which have the word draft in their names', "find . -name '*draft*' -delete"), /file names/);
});

test('a replacement in files must change them; one in what is shown need not', () => {
  assert.match(short('replace foo with bar in every file under src', "find src -type f -exec sed 's/foo/bar/g' {} +"), /changes nothing, but the request asks to replace/);
  assert.match(short('replace foo with bar in notes.txt', "sed 's/foo/bar/g' notes.txt"), /changes nothing/);
  assert.equal(short('replace foo with bar in every file under src', "find src -type f -exec sed -i 's/foo/bar/g' {} +"), '');
  assert.equal(short('replace foo with bar in notes.txt and show me the result', "sed 's/foo/bar/g' notes.txt"), '');
  assert.equal(short('replace commas with tabs in the output of ls', "ls | sed 's/,/\\t/g'"), '');
  // ... also in the files found first, named again as "them" or "those".
  assert.match(short('find the .md files under docs and replace foo with bar in them', "find docs -type f -name '*.md'"), /changes nothing, but the request asks to replace/);
  assert.match(short('list the scripts in src, then replace tabs with spaces in each of them', "find src -name '*.sh'"), /changes nothing/);
  assert.equal(short('find the .md files under docs and replace foo with bar in them', "find docs -type f -name '*.md' -exec sed -i 's/foo/bar/g' {} +"), '');
});

test('an age said with "not" keeps what did not change; without it, what did', () => {
  assert.equal(selection('list the files not touched this year'), 'find . -type f -mtime +365');
  assert.equal(selection("show files that haven't changed since last week"), 'find . -type f -mtime +7');
  assert.equal(selection('find files not accessed for 2 weeks'), 'find . -type f -atime +14');
  assert.equal(selection('find files modified since last week'), 'find . -type f -mtime -7');
  assert.match(over('find files not modified in the last 30 days', 'find . -type f -mtime -30'), /keeps the files that did change in that time, but the request asks for those that did not/);
  assert.match(over('find files modified in the last 30 days', 'find . -type f -mtime +30'), /keeps the files that did not change in that time/);
  assert.doesNotMatch(over('find files not modified in the last 30 days', 'find . -type f ! -mtime -30'), /keeps the files/);
  assert.doesNotMatch(over('find files not modified in the last 30 days', 'find . -type f -mtime +30'), /keeps the files/);
  assert.doesNotMatch(over('delete the files older than 30 days', 'find . -type f -mtime +30 -delete'), /keeps the files/);
});

test('a kind the request names is not dropped from a change', () => {
  assert.deepEqual(readIntent(readRequest('delete logs older than 30 days', ws)).kinds, ['log']);
  assert.deepEqual(readIntent(readRequest('delete old files in logs', ws)).kinds, []);
  assert.deepEqual(readIntent(readRequest('clean the logs folder', ws)).kinds, []);
  assert.match(over('delete logs older than 30 days', 'find . -type f -mtime +30 -delete'), /changes files of every kind, but the request names \.log files/);
  assert.match(over('delete the logs older than 30 days', "find . -type f -name '*' -mtime +30 -delete"), /every kind/);
  assert.doesNotMatch(over('delete logs older than 30 days', "find . -type f -name '*.log' -mtime +30 -delete"), /every kind/);
  // A folder said bounds where, not which: the kind is still tested.
  assert.match(over('delete the logs under docs older than 30 days', 'find docs -type f -mtime +30 -delete'), /every kind/);
  assert.doesNotMatch(over('delete the logs under docs older than 30 days', "find docs -type f -name '*.log' -mtime +30 -delete"), /every kind/);
});

test('case the request ignores, a test it never turns around, and lines it deletes from a file', () => {
  assert.match(over('search case-insensitively for "paris" in notes.txt', 'grep -n paris notes.txt'), /matches case \(grep without -i\), but the request says to ignore case/);
  assert.doesNotMatch(over('search case-insensitively for "paris" in notes.txt', 'grep -in paris notes.txt'), /ignore case/);
  assert.match(over('find files named readme regardless of case', 'find . -name readme'), /ignore case/);
  assert.doesNotMatch(over('find files named readme regardless of case', 'find . -iname readme'), /ignore case/);
  assert.match(over('find the files whose permissions are 644', 'find . -type f ! -perm 644'), /keeps what does not match \(! -perm 644\), but the request turns nothing around/);
  assert.equal(selection('find the files whose permissions are 644'), 'find . -type f -perm 644');
  assert.doesNotMatch(over('find the files whose permissions are not 644', 'find . -type f ! -perm 644'), /turns nothing around/);
  assert.doesNotMatch(over('list files modified after a.txt and before b.txt', 'find . -newer a.txt ! -newer b.txt'), /turns nothing around/);
  assert.doesNotMatch(over('list the files', "find . -type f -not -path './.git/*'"), /turns nothing around/);
  assert.match(short('delete the blank lines from notes.txt', "grep -v '^$' notes.txt"), /changes nothing, but the request asks to delete/);
  assert.equal(short('delete the blank lines from notes.txt', "sed -i '/^$/d' notes.txt"), '');
  assert.equal(short('delete the blank lines from notes.txt and print the rest', "grep -v '^$' notes.txt"), '');
});

test('a permission shown is no permission condition; an archive kind is no file name', () => {
  assert.equal(readIntent(readRequest('show the permissions of the files in docs', ws)).conditions.permission, false);
  assert.equal(readIntent(readRequest('list the files in docs with their permissions', ws)).conditions.permission, false);
  assert.equal(readIntent(readRequest('find files with permissions 777', ws)).conditions.permission, true);
  assert.equal(readIntent(readRequest('list the executable files', ws)).conditions.permission, true);
  assert.deepEqual(readRequest('make a tar.gz of the docs folder', ws).files, []);
  assert.deepEqual(readIntent(readRequest('make a tar.gz of the docs folder', ws)).actions, ['create']);
  assert.deepEqual(readRequest('unpack backup.tar.gz', ws).files.map((f) => f.value), ['backup.tar.gz']);
});

test('a mode said in words is built from who, what and whether it is given or taken', () => {
  const modes = (request: string) => readRequest(request, ws).modes.map((m) => m.value);
  assert.deepEqual(modes('remove the executable bit from run.sh'), ['-x']);
  assert.deepEqual(modes('remove write permission for others from notes.txt'), ['o-w']);
  assert.deepEqual(modes('give the group write access to notes.txt'), ['g+w']);
  assert.deepEqual(modes('make run.sh executable for the owner only'), ['u+x']);
  assert.deepEqual(modes('make notes.txt readable by everyone'), ['a+r']);
  assert.deepEqual(modes('make it writable'), ['u+w']);
  assert.deepEqual(modes('read the file'), []);
  assert.deepEqual(readIntent(readRequest('remove the executable bit from run.sh', ws)).actions, ['change']);
  assert.match(over('remove the executable bit from run.sh', 'chmod +x run.sh'), /grants permissions \(chmod \+x\), but the request takes them away/);
  assert.match(over('remove write permission for others from notes.txt', 'chmod a-w notes.txt'), /for more people \(chmod a-w\) than the request names/);
  assert.equal(over('remove write permission for others from notes.txt', 'chmod o-w notes.txt'), '');
  assert.equal(over('make run.sh executable', 'chmod +x run.sh'), '');
});

test('what belongs to a file is not the file; no archive, link or folder beyond what was asked', () => {
  assert.match(over('delete the backup of notes.txt', 'rm -- notes.txt'), /changes notes\.txt itself, but the request asks for its backup/);
  assert.equal(over('delete notes.txt', 'rm -- notes.txt'), '');
  assert.match(over('remove the broken links from /srv/pkgs', 'rmdir /srv/pkgs'), /changes \/srv\/pkgs itself, but the request asks for some of what is in it/);
  assert.match(over('remove the broken links in src', 'find src -type l -delete'), /changes every link, but the request asks for the broken ones only/);
  assert.doesNotMatch(over('remove the broken links in src', 'find src -xtype l -delete'), /every link/);
  assert.match(over('clear the log file', "find . -name '*.log' -exec gzip {} +"), /compresses files \(gzip\), but the request asks for no archive/);
  assert.doesNotMatch(over('compress the logs', "find . -name '*.log' -exec gzip {} +"), /no archive/);
  assert.deepEqual(readIntent(readRequest('empty logs/app.log', ws)).cues, { change: 'truncate' });
  assert.deepEqual(readIntent(readRequest('clear out the tmp folder', ws)).actions, ['delete']);
  assert.match(short('empty the app log', 'touch logs/app.log'), /empties no file/);
  assert.equal(short('empty the app log', 'truncate -s 0 logs/app.log'), '');
});

test('files picked by their order are not all changed, and a move needs a program that moves', () => {
  assert.match(over('delete the oldest log', "find . -name '*.log' -delete"), /changes every file that matches, but the request asks for some, picked by their order/);
  assert.match(over('remove the 5 largest files in build', 'find build -type f -delete'), /picked by their order|keeps some by their order/);
  assert.doesNotMatch(over('delete the oldest log', "ls -t *.log | tail -n 1 | xargs rm --"), /picked by their order|keeps some by their order/);
  assert.doesNotMatch(over('delete the old logs', "find . -name '*.log' -mtime +30 -delete"), /picked by their order|keeps some by their order/);
  assert.match(short('move the newest csv to archive', 'bunzip2 -k archive'), /moves nothing, but the request asks to move/);
  assert.equal(short('move notes.txt into docs', 'mv notes.txt docs'), '');
  assert.deepEqual(readIntent(readRequest('undo the last commit', ws)).actions, ['change']);
});

test('an exception by file name is left out by name, and a span in hours is not counted in days', () => {
  assert.equal(selection('delete the .tmp files except cache.tmp'), "find . -type f -name '*.tmp' ! -name cache.tmp -delete");
  assert.equal(selection('find all files excluding node_modules'), "find . -type f -not -path '*/node_modules/*'");
  assert.match(over('find files modified in the last hour', 'find . -type f -mtime -1'), /counts whole days \(-1\), but the request says last hour/);
  assert.doesNotMatch(over('find files modified in the last hour', 'find . -type f -mmin -60'), /whole days/);
  assert.doesNotMatch(over('find files modified in the last day', 'find . -type f -mtime -1'), /whole days/);
  assert.deepEqual(readIntent(readRequest('make notes.txt read only', ws)).actions, ['change']);
});

test('a request about the repository is carried out in it, for the file it names', () => {
  assert.deepEqual(readIntent(readRequest('discard my changes to notes.txt', ws)).cues, { change: 'discard changes' });
  assert.deepEqual(readIntent(readRequest('stage notes.txt', ws)).actions, ['change']);
  assert.deepEqual(readIntent(readRequest('what stage of the build failed', ws)).actions, []);
  assert.match(short('unstage notes.txt', 'cat notes.txt'), /changes nothing in the repository, but the request asks to unstage/);
  assert.equal(short('unstage notes.txt', 'git restore --staged notes.txt'), '');
  assert.match(short('amend the last commit message', 'git log -1'), /changes nothing in the repository/);
  assert.equal(short('revert $string and print it', "echo \"$string\" | rev"), '');
  assert.equal(short('search for dummy and discard all the errors', 'find . -name dummy 2>/dev/null'), '');
  assert.match(over('revert notes.txt to the last commit', 'git revert --no-edit HEAD'), /changes the repository as a whole \(git revert\), but the request names notes\.txt/);
  assert.doesNotMatch(over('revert notes.txt to the last commit', 'git restore notes.txt'), /as a whole/);
  assert.doesNotMatch(over('find files modified in the last 24 hours', 'find . -type f -mtime -1'), /whole days/);
});

test('changes made in a working copy are undone, stashed or staged by git, and a file\'s write is none of these', () => {
  for (const request of ['throw away my local changes', 'discard all my changes', 'stage my changes', 'revert my edits']) assert.equal(readIntent(readRequest(request, ws)).task, true, request);
  assert.equal(readIntent(readRequest('undo all my changes to the wedding plan', ws)).task, false);
  assert.match(short('unstage notes.txt', 'touch notes.txt'), /changes nothing in the repository/);
  assert.match(short('revert my edits to notes.txt', 'cat notes.txt'), /changes nothing in the repository, but the request asks to revert changes/);
  assert.match(short('undo my changes to notes.txt', 'git diff -- notes.txt'), /changes nothing in the repository/);
  assert.match(short('stash my changes', 'git stash list'), /changes nothing in the repository/);
  assert.equal(short('throw away my local changes', 'git restore .'), '');
  assert.equal(short('commit my changes', "git commit -am 'wip'"), '');
});

test('emptying a folder keeps the folder; what the request keeps, by name or by order, is kept', () => {
  for (const command of ['rm -r tmp', 'rmdir tmp', 'find tmp -delete']) {
    assert.match(over('empty the tmp folder', command), /deletes the folder tmp itself/, command);
    assert.match(over('delete everything inside tmp', command), /deletes the folder tmp itself/, command);
  }
  assert.match(over('remove everything in the current folder', 'rm -r .'), /deletes the folder \. itself/);
  for (const command of ['find tmp -mindepth 1 -delete', 'rm -rf tmp/*']) assert.doesNotMatch(over('clean out the tmp directory', command), /itself/, command);
  assert.equal(over('delete the tmp folder', 'rm -r tmp'), '');
  assert.equal(over('empty the current directory', "find . -mindepth 1 -not -path './.git/*' -delete"), '');
  // "empty" as the verb states no -empty condition; as an adjective it does.
  assert.match(over('empty the tmp folder', 'find tmp -mindepth 1 -type d -empty -delete'), /-empty/);
  assert.doesNotMatch(over('delete the empty folders in tmp', 'find tmp -mindepth 1 -type d -empty -delete'), /-empty/);
  // A -prune with no -o after it leaves nothing out: the act applies to what it pruned.
  assert.match(over('delete everything in tmp except notes.txt', 'find tmp -type d -name notes.txt -prune -exec rm -r {} +'), /does not leave out notes\.txt/);
  assert.doesNotMatch(over('delete everything in tmp except notes.txt', 'find tmp -name notes.txt -prune -o -type f -exec rm -f {} +'), /leave out/);
  assert.match(over('delete all the logs but the newest', "find . -type f -name '*.log' -delete"), /picked by their order|keeps some by their order/);
  assert.match(over('remove all files from the current folder but the 5 newest ones', 'find . -type f -delete'), /every file in the workspace|keeps some by their order/);
});

test('a delete keeps to files the request names, and reads no list of names it did not ask for', () => {
  assert.match(over('remove the package curl', 'rm -- package.json'), /deletes package\.json, which the request does not name/);
  assert.equal(over('delete notes.txt', 'rm -- notes.txt'), '');
  assert.doesNotMatch(over('delete the notes file', 'rm -- notes.txt'), /does not name/);
  assert.match(over('delete the notes', "xargs -r -d '\\n' rm -f -- < notes.txt"), /changes whatever a file lists/);
  assert.doesNotMatch(over('delete the files listed in notes.txt', "xargs -r -d '\\n' rm -f -- < notes.txt"), /names no list/);
  assert.match(over('remove the backup of notes.txt', "find . -type f -name notes.txt -exec rm -f -- {} +"), /changes notes\.txt itself, but the request asks for its backup/);
});

test('files kept by their order ("but the 5 newest") are not deleted by a plan that orders nothing', () => {
  assert.match(over('remove all files from the current folder but the 5 newest ones', 'find . -type f -delete'), /keeps some by their order/);
  assert.match(over('delete every file in tmp except the 3 newest', "find tmp -type f -not -path '*/3/*' -delete"), /keeps some by their order/);
  assert.match(over('delete everything in tmp except the 2 largest files', 'rm -f tmp/*'), /keeps some by their order/);
  assert.doesNotMatch(over('delete every file in tmp except the 3 newest', "ls -tp tmp | grep -v '/$' | tail -n +4 | xargs -r -I {} rm -- tmp/{}"), /keeps some by their order/, 'the order that picks them is there');
  assert.doesNotMatch(over('delete every file in tmp except notes.txt', "find tmp -type f ! -name notes.txt -delete"), /keeps some by their order/, 'a name kept is no order');
});

test('a git subcommand asked only to say what it would do (`clean -n`, `add --dry-run`, `apply --check`) is a look; without it, a change', () => {
  for (const [request, command] of [['show which untracked files git clean would remove', 'git clean -n'], ['list what git clean -fd would delete', 'git clean -nd'], ['show what git add would stage', 'git add --dry-run .'], ['check whether fix.patch applies', 'git apply --check fix.patch'], ['show what git rm would remove under docs', 'git rm -r -n docs']]) {
    assert.doesNotMatch(over(request, command), /changes the git repository|deletes/, command);
  }
  for (const command of ['git clean -fd', 'git add .', 'git apply fix.patch', 'git rm -r docs']) assert.match(over('show which untracked files git clean would remove', command), /changes the git repository|deletes/, command);
  assert.match(short('stage my changes', 'git add -n .'), /changes nothing in the repository/);
});
