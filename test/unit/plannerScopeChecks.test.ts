// A plan's reach held to the request's bounds: the kind it names (inside a
// named folder too, for every act), the kind it excepts, the direction and
// extent of a permission, the stated age and size values, name and owner
// tests nobody stated, a search started elsewhere, and "only in X itself".
// Each case pairs a plan that keeps the bound (accepted) with one that does
// more (turned away). Commands are read by the real parser into the facts the
// policy sees.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type WorkspaceNames } from '../../server/src/planner/requestFacts';
import { exceptedKinds } from '../../server/src/planner/scopeChecks';
import { effectChecks } from '../support/policyDecision';

const dirs = ['logs', 'tmp', 'build', 'src', 'data', 'docs', 'scripts', 'conf', 'site'];
const ws: WorkspaceNames = { files: new Set(['scripts/run.sh']), dirs: new Set(dirs), byBase: new Map([['run.sh', 'scripts/run.sh']]) };

const { over } = effectChecks(ws);

function holds(request: string, fits: string, beyond: string[], reason: RegExp): void {
  assert.equal(over(request, fits), '', `${fits} keeps "${request}"`);
  for (const b of beyond) assert.match(over(request, b), reason, `${b} does more than "${request}"`);
}

test('a kind named inside a named folder bounds every act: delete with an age, chown, chmod, zip', () => {
  holds('delete sh scripts in the site folder older than 3 days', "find site -type f -name '*.sh' -mtime +3 -delete", ['find site -type f -mtime +3 -delete'], /every kind.*\.sh/);
  holds('make deploy the owner of the shell scripts in the scripts folder', "find scripts -type f -name '*.sh' -exec chown deploy {} +", ['chown deploy scripts', 'chown -R deploy scripts'], /every kind/);
  holds('please make the .py files in ./scripts executable', "find scripts -type f -name '*.py' -exec chmod +x {} +", ['chmod -R +x scripts'], /every kind/);
  holds('compress every .ts file under data/', "find data -type f -name '*.ts' -exec gzip {} +", ['zip -r data.zip data', "zip -r data.zip data -x '*.ts'"], /every kind/);
});

test('a request to look with a kind: a search with no name test lists every kind', () => {
  holds('show me the typescript files in the build dir', "find build -type f -name '*.ts'", ['find build -type f', "find build -type f -name '*'"], /lists files of every kind/);
});

test('the kind a request excepts is left out, never the one acted on', () => {
  assert.deepEqual(exceptedKinds('erase everything in logs but the .bin files'), ['bin']);
  assert.deepEqual(exceptedKinds('get rid of all files in ./src apart from the python files'), ['py']);
  holds('rm all files in the src dir but the .sh files', "find src -type f ! -name '*.sh' -delete", ["find src -type f -name '*.sh' -delete", 'find src -type f -delete'], /does not leave out the \.sh files/);
  holds('clean out everything in the conf directory except the .log files', "find conf -type f ! -name '*.log' -delete", ["find conf -type f -name '*.log' -delete"], /leave out/);
});

test('a permission keeps its direction and extent', () => {
  holds('make the .sh files in the scripts folder executable by everyone', "find scripts -type f -name '*.sh' -exec chmod +x {} +", ["find scripts -type f -name '*.sh' -exec chmod -x {} +", "find scripts -type f -name '*.sh' -exec chmod 777 {} +", "find scripts -type f -name '*.sh' -exec chmod a+wx {} +"], /takes the execute permission away|lets others write/);
  holds('make scripts/run.sh so nobody can execute it', 'chmod a-x scripts/run.sh', ['chmod +x scripts/run.sh', 'chmod 755 scripts/run.sh'], /makes files executable/);
  holds('make non-executable the .sh files in scripts', "find scripts -name '*.sh' -exec chmod -x {} +", ["find scripts -name '*.sh' -exec chmod +x {} +"], /takes that away/);
});

test('a stated age or size keeps its value and its direction', () => {
  holds('delete .md files in the logs folder last modified more than 3 days ago', "find logs -type f -name '*.md' -mtime +3 -delete", ["find logs -type f -name '*.md' -mtime -3 -delete", "find logs -type f -name '*.md' -mtime +23 -delete"], /another age/);
  holds('are there any .md files in docs over 1M?', "find docs -type f -name '*.md' -size +1M", ["find docs -type f -name '*.md' -size -1M", "find docs -type f -name '*.md' -size +10M"], /another size/);
  // "not modified in the last 14 days" is older than 14 days.
  assert.equal(over('remove the files under logs that have not been modified in the last 14 days', 'find logs -type f -mtime +14 -delete'), '');
});

test('name tests and owner tests nobody stated are turned away', () => {
  holds('please clean out all typescript files in conf/', "find conf -type f -name '*.ts' -delete", ["find conf -type f -name '*.ts' -name 'backup*' -delete", "find conf -type f -path '*files*' -delete"], /a name the request does not give|as a file name|every kind/);
  holds('make bob the owner of the .py files in build', "find build -type f -name '*.py' -exec chown bob {} +", ["find build -type f -name '*.py' -user root -exec chown bob {} +"], /certain owner/);
  assert.equal(over("change user ownership to 'foo' for files with UID=1005", 'find . -type f -uid 1005 -exec chown foo {} +'), '');
});

test('a search that starts only in another folder than the one named', () => {
  holds('count the text files under ./tmp', "find tmp -type f -name '*.txt' | wc -l", ["find logs -type f -name '*.txt' | wc -l"], /searches logs, but the request names tmp/);
  holds('copy the .bin files in the conf folder to backup/', 'cp conf/*.bin backup/', ["find backup -maxdepth 1 -type f -name '*.bin' -exec cp -t conf {} +"], /searches backup/);
});

test('"only in X itself" and "not in its subfolders" keep a change to the folder\'s own entries', () => {
  holds('only in build/ itself, delete the .ts files', 'rm -f build/*.ts', ["find build -type f -name '*.ts' -delete"], /goes into subfolders/);
  holds('remove the .js files in docs but not in its subfolders', "find docs -maxdepth 1 -type f -name '*.js' -delete", ["find docs -type f -name '*.js' -delete"], /goes into subfolders/);
});

test('a path with a dot ("./src") does not end the sentence a permission or an exception is read in', () => {
  holds('make the python scripts in ./src executable', "find src -type f -name '*.py' -exec chmod +x {} +", ["find src -type f -name '*.py' -exec chmod -x {} +"], /takes the execute permission away/);
  holds('could you get rid of all files in ./src but the .log files?', "find src -type f ! -name '*.log' -delete", ["find src -type f -name '*.log' -delete"], /leave out/);
});

test('what xargs changes after `ls … | sort | head` stays in the folder ls read', () => {
  assert.equal(over('delete the oldest .ts file in the tmp folder', 'ls -tr tmp/*.ts | sort | head -n1 | xargs rm -f'), '');
  assert.match(over('delete the oldest .ts file in the tmp folder', 'ls -tr logs/*.ts | sort | head -n1 | xargs rm -f'), /outside tmp/);
});

test('"the oldest" is picked by a step that keeps some lines, never by ls alone', () => {
  assert.match(over('delete the least recently modified json file in the tmp dir', 'ls -tr tmp/*.json | xargs rm -f'), /picked by their order/);
});
