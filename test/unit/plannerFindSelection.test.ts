// Requests that select files by what they are, read as find's tests, and the
// act on the selection as find's -exec or a pipe: each test is one the request
// states, values (quoted, shell variables, paths) are taken as written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { preferSelection, selectionCandidates } from '../../server/src/planner/findSelection';
import { readIntent } from '../../server/src/planner/intent';
import { readRequest } from '../../server/src/planner/requestFacts';

const find = (request: string) => selectionCandidates(readRequest(request))[0]?.command;

test('names and paths are find tests, not searches of contents', () => {
  assert.equal(find("Find all files/directories containing 'farm' in their names under '/usr/share' directory tree"), "find /usr/share -name '*farm*'");
  assert.equal(find('find files whose names begin with my and end with p'), "find . -type f -name 'my*p'");
  assert.equal(find('find files under the current directory called "foo" or "bar"'), 'find . -type f \\( -name foo -o -name bar \\)');
  assert.equal(find('search for the file "foo.txt" in the entire file system'), 'find / -name foo.txt');
  assert.equal(find("find all files/directories under current directory tree whose paths start with './sr' and end with 'sc'"), "find . -path './sr*sc'");
  assert.equal(find('find every directory named lib'), 'find . -type d -name lib');
  assert.equal(find('Find all files/directories with foobar (case insensitive) in their names'), "find . -iname '*foobar*'");
});

test('every way of saying "ignore case" is read the same by the selection, the search and the case check', () => {
  for (const words of ['case-insensitively', 'ignoring case', 'regardless of case', 'irrespective of case', 'in upper or lower case', 'in any case']) {
    assert.equal(find(`find files named readme ${words}`), "find . -type f -iname readme", words);
    assert.match(find(`find the files in docs containing 'draft' ${words}`) ?? '', /grep -\w*i\w* draft/, words);
  }
  assert.equal(find('in any case, find files named readme'), 'find . -type f -name readme');
});

test('shell variables, quoted values and home paths are the folder or the value, never dropped', () => {
  assert.equal(find('find files at least 100MB in $dir accessed $FTIME days ago'), 'find "$dir" -type f -size +100M -atime "$FTIME"');
  assert.equal(find('find *.log files under ${WP_ROOT}/wp-content'), 'find "${WP_ROOT}/wp-content" -type f -name \'*.log\'');
  assert.equal(find('find files called foo.txt or bar.c in ~/foo/bar'), 'find ~/foo/bar -type f \\( -name foo.txt -o -name bar.c \\)');
  assert.equal(find("Find *.c files under $HOME and search for the string 'sprintf' in those files"), 'find "$HOME" -type f -name \'*.c\' -exec grep -Hn sprintf {} +');
});

test('size, age, permissions, owner, emptiness, depth and exclusions', () => {
  assert.equal(find('find regular files modified in the last 24 hours under /var/log'), 'find /var/log -type f -mmin -1440');
  assert.equal(find('find files in src not modified in 6 months'), 'find src -type f -mtime +180');
  assert.equal(find('find files smaller than 1 kilobyte in build'), 'find build -type f -size -1024c');
  assert.equal(find('Look for files with wide open permissions'), 'find . -type f -perm 777');
  assert.equal(find('find files with group write permission under /etc'), 'find /etc -type f -perm -g+w');
  assert.equal(find('display all the files in the file system which belong to no user'), 'find / -type f -nouser');
  assert.equal(find('find all files owned by root in /tmp'), 'find /tmp -type f -user root');
  assert.equal(find('find empty directories under data'), 'find data -type d -empty');
  assert.equal(find('find all the regular files in the folder "pathfolder" which are 2 levels deep, excluding all hidden files'), "find pathfolder -mindepth 2 -maxdepth 2 -type f -not -path '*/.*'");
  assert.equal(find("find all .js files excluding the directory 'node_modules'"), "find . -type f -name '*.js' -not -path '*/node_modules/*'");
  assert.equal(find('find all .js files except those in node_modules'), "find . -type f -name '*.js' -not -path '*/node_modules/*'");
  assert.equal(find('search for the regular file firefox or thunderbird in the entire file system excluding the directories share and those starting with 10_'), "find / -type f \\( -name firefox -o -name thunderbird \\) -not -path '*/share/*'", 'what an exclusion says is no name to find');
  assert.equal(find('search files in the folder /home which have been modified after /tmp/after and before /tmp/before'), 'find /home -type f -newer /tmp/after ! -newer /tmp/before');
  assert.equal(find('Change the owner of all files in /srv to root using at most 10 files at a time'), 'find /srv -type f -exec chown root {} +', 'a count of files is no depth');
  assert.equal(find('find files newer than the file stamp.txt'), 'find . -type f -newer stamp.txt');
  assert.equal(find('find files with inode number 314167125'), 'find . -type f -inum 314167125');
  assert.equal(find('list files under current directory which were modified, accessed or whose status were changed $FTIME ago'), 'find . -type f \\( -mtime "$FTIME" -o -atime "$FTIME" -o -ctime "$FTIME" \\)');
});

test('acts on the selection: copy, move, delete, count, size, archive, mode, owner, checksums, a saved list', () => {
  assert.equal(find("Find all *FooBar* files under current directory and copy them to ~/foo/bar"), "find . -type f -name '*FooBar*' -exec cp -t ~/foo/bar {} +", 'no folder is made that nobody asked for');
  assert.equal(find('find all .tmp files and move them to trash, creating the folder if it does not exist'), "mkdir -p trash && find . -type f -name '*.tmp' -exec mv -t trash {} +");
  assert.equal(find('delete all .pyc files under src'), "find src -type f -name '*.pyc' -delete");
  assert.equal(find('count the .py files under lib'), "find lib -type f -name '*.py' | wc -l");
  assert.equal(find('display the total disk space used by all the access.log files in /var/www'), 'find /var/www -type f -name access.log -exec du -ch {} + | tail -n 1');
  assert.equal(find("create a tarball 'logs.tar.gz' of all .log files under /var/log"), "find /var/log -type f -name '*.log' -print0 | tar --null -czf logs.tar.gz -T -");
  assert.equal(find('change the permissions of all .sh files under bin to 755'), "find bin -type f -name '*.sh' -exec chmod 755 {} +");
  assert.equal(find('change the group ownership of every file in $dir to staff'), 'find "$dir" -type f -exec chgrp staff {} +');
  assert.equal(find("Find all files under 'dir' directory and print their md5 sums into file.txt"), 'find dir -type f -exec md5sum {} + > file.txt');
  assert.equal(find('compress all .log files older than 7 days in logs'), "find logs -type f -name '*.log' -mtime +7 -exec gzip {} +");
  assert.equal(find('Replace all occurrence of "alpha.example.com" with "beta.example.com" in all files under /home/www and below'), "find /home/www -type f -exec sed -i 's|alpha\\.example\\.com|beta.example.com|g' {} +");
  assert.equal(find('Unzip all *.zip files under current directory'), "find . -type f -name '*.zip' -exec unzip {} \\;", 'unzip reads one archive at a time');
  assert.equal(find('count the lines of every typescript file in src'), "find src -type f -name '*.ts' -exec wc -l {} +");
});

test('requests that are not about a set of files get no selection', () => {
  assert.equal(find('count the lines in notes.txt'), undefined);
  assert.equal(find('Print file system disk space usage with sizes in powers of 1000'), undefined);
  assert.equal(find('sort each line in file "out"'), undefined);
  assert.equal(find("what's inside backups/site-2024.tar.gz? don't extract it"), undefined);
  assert.equal(find('which files in src mention the width'), undefined, 'a condition it cannot read is not dropped');
  assert.equal(find('which files in src never mention TODO'), 'find src -type f -exec grep -L TODO {} +');
  assert.equal(find('list the files in data, largest first'), undefined, 'an order is not a selection');
});

test('a request about names demotes a search of contents for the name', () => {
  const facts = readRequest("find files containing 'farm' in their names");
  const candidates = [{ command: 'grep -rl farm .', confidence: 0.9, explanation: '', source: 'search.grep', filled: [], missing: [] }, ...selectionCandidates(facts)];
  preferSelection(candidates, "find files containing 'farm' in their names");
  const [best] = [...candidates].sort((a, b) => b.confidence - a.confidence);
  assert.equal(best.command, "find . -type f -name '*farm*'");
});

test('the intent of selection requests: a look stays a look, an act on files is an act', () => {
  assert.deepEqual(readIntent(readRequest('display all the files in the home folder which begin with "arrow" and end with "xbm"')).actions, [], '"end with" describes a name');
  assert.deepEqual(readIntent(readRequest("Recursively removes all files like '*.pyc' in the current folder")).actions, ['delete']);
  assert.deepEqual(readIntent(readRequest('Find all files under dir and print their md5 sums into file.txt')).actions, ['create']);
  assert.deepEqual(readIntent(readRequest('which lines print to stdout in app.log')).actions, []);
  assert.deepEqual(readIntent(readRequest('commits authored by Bob')).actions, []);
  assert.deepEqual(readIntent(readRequest('Deletes are dangerous: show me the .tmp files')).actions, [], 'a verb used as a noun orders nothing');
  assert.deepEqual(readIntent(readRequest('Changes made by the build: list the files in dist')).actions, []);
});

test('where the days are counted from ("counting days from today") is not a second age', () => {
  for (const [n, said] of [[14, 'where day count starts from today'], [30, 'counting days from today'], [90, 'with days counted from today'], [7, 'days counting from today']] as const) {
    for (const [verb, tail] of [['find', ''], ['delete', ' -delete']]) {
      const request = `${verb} all regular files under logs that have not been modified in the last ${n} days ${said}`;
      assert.equal(find(request), `find logs -type f -mtime +${n}${tail}`, request);
    }
  }
  assert.equal(find('find regular files under logs modified today'), 'find logs -type f -mtime -1');
  // ... and a count of what came in from today is still a count, of files of today.
  assert.equal(find('count the files in logs from today'), 'find logs -type f -mtime -1 | wc -l');
});

test('what is in each file is counted in the unit named, never the files', () => {
  const flags: Record<string, string> = { lines: 'l', words: 'w', characters: 'm', bytes: 'c' };
  for (const [unit, flag] of Object.entries(flags)) {
    for (const [said, glob] of [['each md file', '*.md'], ['every log file under logs', '*.log'], ['the csv files in data', '*.csv']]) {
      const request = `count the ${unit} in ${said}`;
      assert.match(find(request) ?? '', new RegExp(`-name '\\${glob}' -exec wc -${flag} \\{\\} \\+$`), request);
    }
  }
  assert.equal(find('count the md files'), "find . -type f -name '*.md' | wc -l");
});
