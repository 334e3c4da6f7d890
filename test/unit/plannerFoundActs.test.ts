// Acts on each file a find selects, said in the same request: the lines of
// each file edited in place, links made in a folder for each file. The
// selection keeps to the request's words (what is said of the lines or of
// where links go selects no files), and the checks let the act through only
// where the request puts it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectionCandidates } from '../../server/src/planner/findSelection';
import { readRequest } from '../../server/src/planner/requestFacts';
import { readIntent } from '../../server/src/planner/intent';
import { effectChecks } from '../support/policyDecision';

const find = (request: string) => selectionCandidates(readRequest(request))[0]?.command;
const checks = effectChecks();

test('lines containing a text are deleted from each file found, the text taken literally', () => {
  assert.equal(find("delete the lines containing 'DEBUG' from all the .log files in logs"), "find logs -type f -name '*.log' -exec sed -i /DEBUG/d {} +");
  assert.equal(find("strip every line with 'console.log(' out of the js files under web"), "find web -type f -name '*.js' -exec sed -i '/console\\.log(/d' {} +");
  assert.equal(find('find the .ini files in conf and remove all lines that mention "legacy_mode" in them'), "find conf -type f -name '*.ini' -exec sed -i /legacy_mode/d {} +");
  // A text with a slash is looked for with another delimiter.
  assert.equal(find("remove the lines containing '/usr/local' from every .conf file in etc"), "find etc -type f -name '*.conf' -exec sed -i '\\|/usr/local|d' {} +");
  // With no text to look for, no edit is read.
  assert.equal(find('delete the lines in all the .txt files in notes'), undefined);
  assert.doesNotMatch(find('remove the lines containing it from the .txt files in notes') ?? '', /sed -i/);
});

test('lines matching a pattern, or starting or ending with a text, are deleted as said', () => {
  assert.equal(find("find all python files under src and remove every line that matches the regex '^import os$' in them"), "find src -type f -name '*.py' -exec sed -i '/^import os$/d' {} +");
  assert.equal(find('remove the lines matching "TODO" in each .txt file'), "find . -type f -name '*.txt' -exec sed -i /TODO/d {} +");
  assert.equal(find("drop all lines starting with '#' from the yaml files in deploy"), "find deploy -type f -name '*.yaml' -exec sed -i '/^#/d' {} +");
  assert.equal(find("delete the lines ending with '\\' in all .sh files under scripts"), "find scripts -type f -name '*.sh' -exec sed -i '/\\\\$/d' {} +");
});

test('empty and blank lines are deleted, not empty files', () => {
  assert.equal(find('find all regular files under src and delete the empty lines in them'), "find src -type f -exec sed -i '/^$/d' {} +");
  assert.equal(find('strip the blank lines out of every markdown file in docs'), "find docs -type f -name '*.md' -exec sed -i '/^[[:space:]]*$/d' {} +");
  assert.equal(find('find the php files in app and remove the empty lines at the top of those files'), "find app -type f -name '*.php' -exec sed -i '/./,$!d' {} +");
  for (const request of ['find all regular files under src and delete the empty lines in them', 'remove blank lines from all the csv files in data', "find the logs under var and remove the lines containing 'x' from them"]) {
    const command = find(request) ?? '';
    assert.doesNotMatch(command, /-delete|\brm\b|-empty/, request);
  }
});

test('lines are commented out, or given a prefix, where they contain a text', () => {
  assert.equal(find("find all shell scripts in bin and comment out the lines containing 'set -x'"), "find bin -name '*.sh' -exec sed -i '/set -x/s/^/#/' {} +");
  assert.equal(find("prepend '#' to the lines that contain 'abc' in all .conf files"), "find . -type f -name '*.conf' -exec sed -i '/abc/s/^/#/' {} +");
  assert.equal(find("find every .txt file in notes and add '> ' at the start of each line"), "find notes -type f -name '*.txt' -exec sed -i 's/^/> /' {} +");
  assert.equal(find("put '// ' at the beginning of all lines with 'debugger' in the files under src"), "find src -type f -exec sed -i '/debugger/s/^/\\/\\/ /' {} +");
});

test('links to each file found are made in the folder said, relative when the files are found by a relative path', () => {
  assert.equal(find('create symbolic links in /srv/links for all the .so files under lib'), "find lib -type f -name '*.so' -exec ln -sr -t /srv/links {} +");
  assert.equal(find('make a symlink in the current directory for each .conf file under /etc/nginx'), "find /etc/nginx -type f -name '*.conf' -exec ln -s -t . {} +");
  assert.equal(find('add soft links into out for all the png files in assets'), "find assets -type f -name '*.png' -exec ln -sr -t out {} +");
  assert.equal(find('Create a symbolic link in target directory "$stage" for each file under the current directory'), 'find . -type f -exec ln -sr -t "$stage" {} +');
  // With no kind said, the folder searched is not itself linked.
  assert.equal(find('create soft links in shared/bin for all files and folders in tools'), 'find tools -mindepth 1 -exec ln -sr -t shared/bin {} +');
  // Links looked at are no links to make.
  assert.doesNotMatch(find('list the symbolic links in /usr/bin') ?? '', /\bln\b/);
  assert.equal(readIntent(readRequest('list the symbolic links in /usr/bin')).places?.destinations.length, 0);
});

test('a name left out after "files", or quoted, is left out as a file as well as a folder', () => {
  assert.equal(find('make symlinks in bin for all files under tools excluding "VERSION"'), "find tools -type f ! -name VERSION -not -path '*/VERSION/*' -exec ln -sr -t bin {} +");
  assert.equal(find("delete all files in cache except 'KEEP'"), "find cache -type f ! -name KEEP -not -path '*/KEEP' -not -path '*/KEEP/*' -delete");
  // A folder most projects have stays a folder.
  assert.equal(find('list all js files excluding node_modules'), "find . -type f -name '*.js' -not -path '*/node_modules/*'");
  // ... and so does one said as a folder.
  assert.equal(find('change the owner of all files in "site" excluding directory "cache" to "www"'), "find site -type f -not -path '*/cache/*' -exec chown www {} +");
});

test('the folder links go in is where the request puts things; another folder is still outside', () => {
  const request = 'create symbolic links in /srv/links for all the .so files under lib';
  assert.deepEqual(readIntent(readRequest(request)).places?.destinations, ['/srv/links']);
  assert.equal(checks.over(request, "find lib -type f -name '*.so' -exec ln -sr -t /srv/links {} +"), '');
  assert.match(checks.over(request, "find lib -type f -name '*.so' -exec ln -sr -t /srv/other {} +"), /outside lib/);
  // The places after the links are where the files are found, not where links go.
  assert.equal(readIntent(readRequest('create symbolic links in the current directory for all files located under "/your/project" tree')).places?.destinations.includes('/your/project'), false);
});

test('"located", "found" after a name left out say where it is, they are nothing more left out', () => {
  const over = checks.over('make links in . for all files excluding "STAMP" located under /proj', "find /proj -type f ! -name STAMP -not -path '*/STAMP/*' -exec ln -s -t . {} +");
  assert.doesNotMatch(over, /located/);
  assert.equal(find('delete all logs except the ones located in archive'), "find . -mindepth 1 -name '*.log' -not -path '*/archive' -not -path '*/archive/*' -delete");
});

test('a word before "directory" that another name follows says what the folder is for', () => {
  const f = readRequest('copy the pdf files into the output directory "/srv/out"');
  assert.equal(f.dirs.some((d) => d.value === 'output'), false);
  const g = readRequest('Create a symbolic link in target directory "$stage" for each file');
  assert.equal(g.dirs.some((d) => d.value === 'target'), false);
  // ... but a folder called so, with no other name after it, is still a folder.
  assert.equal(readRequest('list the files in the target directory').dirs.some((d) => d.value === 'target'), true);
});

test('a link named for what it points to is no folder to put links in', () => {
  for (const request of ['force create a symbolic link named "latest" to "releases/v2"', 'make a soft link called current to /opt/app-1.4']) {
    assert.equal(readRequest(request).destination, undefined, request);
  }
  assert.equal(readRequest('make soft links in /srv/bin for all the scripts in tools').destination?.value, '/srv/bin');
  // A path pattern that find started here can never print is no selection at all.
  assert.equal(find('create a symbolic link in /usr/local/bin for each file matching "$SDK/tools*/bin/*"'), undefined);
});

test('an extension said but not read leaves no act to every file', () => {
  assert.equal(find('create symbolic links in out to all files under /data that have filename extension ".verylongext"'), undefined);
  assert.equal(find('delete all files under tmp with the extension "averylongone"'), undefined);
});

test('the words between commas after "delete" say how, and the act is still read', () => {
  assert.equal(find('recursively delete, without asking, the folders under build older than 3 days'), 'find build -mindepth 1 -type d -mtime +3 -prune -exec rm -r {} +');
  assert.equal(find('remove, quietly, all the .tmp files in build'), "find build -type f -name '*.tmp' -delete");
});

test('an in-place edit of lines keeps a backup when the request asks for one', () => {
  assert.equal(find("find all files called 'hosts.txt' under etc and remove the lines starting with '#' in them, saving backup copies"), "find etc -type f -name hosts.txt -exec sed -i.bak '/^#/d' {} +");
  assert.equal(find("delete the lines containing 'tmp' from the .cfg files in conf, keeping a backup"), "find conf -type f -name '*.cfg' -exec sed -i.bak /tmp/d {} +");
});

test('"parent directory name" and "file name/path" are said of each file, they name no folder', () => {
  for (const request of ['find all *.png files under assets and print their path and parent directory path', 'rename the .jpg files in photos by putting the parent directory name in front']) {
    assert.equal(readRequest(request).dirs.some((d) => d.value === '..'), false, request);
  }
  assert.equal(readRequest('list the files in the parent directory').dirs.some((d) => d.value === '..'), true);
  assert.equal(find('find all *.rb files under lib and count their lines, safe for any file name/path'), "find lib -type f -name '*.rb' -exec wc -l {} +");
  assert.equal(readRequest('show the files/directories and their name/path in src').dirs.some((d) => d.value.includes('/')), false);
});

test('a null character after each of the paths is how they are printed, not a change', () => {
  for (const request of ['find all files under src and append a null character at the end of each of their paths', 'list the .txt files in docs and append a nul byte after each of the names']) {
    assert.deepEqual(readIntent(readRequest(request)).actions, [], request);
    assert.match(find(request) ?? '', / -print0$/, request);
  }
});

test('sizes for each file, a pattern the files contain, the depth and the file system are read from the words', () => {
  assert.equal(find('print the file sizes along with their paths for all *.iso (case insensitive) files under downloads'), "find downloads -type f -iname '*.iso' -exec du -h {} +");
  assert.equal(find('list the sizes for all the .iso files in downloads'), "find downloads -type f -name '*.iso' -exec du -h {} +");
  assert.equal(find("find the files in src that contain the regex 'fo+bar'"), 'find src -type f -exec grep -l fo+bar {} +');
  assert.equal(find("find all files that contain the case insensitive regex 'todo' in maximum 1 level down the /etc directory without descending into other partitions"), 'find /etc -maxdepth 1 -xdev -type f -exec grep -li todo {} +');
  assert.equal(find('list the files bigger than 1GB under / without crossing into other file systems'), 'find / -xdev -type f -size +1G');
});

test('extensions given in quotes, one or several, select by name', () => {
  assert.equal(find("list all files with '.c' and '.h' extension under src"), "find src -type f \\( -name '*.c' -o -name '*.h' \\)");
  assert.equal(find("find the regular files with '.md' extension in docs"), "find docs -type f -name '*.md'");
});

test('the parent folder of each file found is printed, each once when asked, and "maximum" is no folder', () => {
  assert.equal(find('find all *.dbf files in the entire file system and print their sorted and unique parent directory paths'), "find / -type f -name '*.dbf' -printf '%h\\n' | sort -u");
  assert.equal(find('find all *.ext files under lib and print their path and parent directory path'), "find lib -type f -name '*.ext' -printf '%p %h\\n'");
  assert.equal(readRequest('delete the tmp folders under maximum 2 levels down the current directory').dirs.some((d) => d.value === 'maximum'), false);
});

test('what the files contain picks the files a change acts on, never all of them', () => {
  assert.equal(find("delete all the .txt files in notes that contain 'obsolete'"), "find notes -type f -name '*.txt' -exec grep -q -e obsolete {} \\; -delete");
  assert.equal(find("chmod 600 all files under conf containing 'password'"), "find conf -type f -exec grep -q -e password {} \\; -exec chmod 600 {} +");
  assert.equal(find("move the .log files in logs that mention 'ERROR' to errors"), "find logs -type f -name '*.log' -exec grep -q -e ERROR {} \\; -exec mv -t errors {} +");
  assert.equal(find("delete all files in tmp that don't contain the word 'keep'"), "find tmp -type f ! -exec grep -q -e keep {} \\; -delete");
  // A search alone still lists the files.
  assert.equal(find("find the .py files under src that contain 'TODO'"), "find src -type f -name '*.py' -exec grep -l TODO {} +");
});

test('clearing out the contents of the files found empties them, it deletes none', () => {
  assert.equal(find('find regular files under data that contain "secret" and clear out their contents'), 'find data -type f -exec grep -q -e secret {} \\; -exec truncate -s 0 {} +');
  assert.equal(find('delete all contents of the .log files in logs'), "find logs -type f -name '*.log' -exec truncate -s 0 {} +");
  assert.equal(checks.short('find the .log files under logs and clear out their contents', "find logs -type f -name '*.log' -exec truncate -s 0 {} +"), '');
  // ... but the contents of a folder are its files.
  assert.match(checks.short('clear out the contents of the tmp folder', 'truncate -s 0 tmp/a'), /deletes nothing/);
});
