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
