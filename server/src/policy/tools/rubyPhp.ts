// Ruby (bundler, rake, rails, gem, rspec, rubocop) and PHP (composer,
// artisan, phpunit). Rails and Laravel database tasks that drop or reload
// the schema are destroy.

import { strictestKind, table, type Kind } from './kinds';
import { describeTable, set, type TableSpec } from './tableTool';
import type { ToolCall } from './toolKit';
import type { WordValue } from '../../shell/words';

const DB_DESTROY = /^(db:(drop(:all|:_unsafe)?|reset|purge(:all)?|schema:load|structure:load|migrate:reset|truncate_all|seed:replant|setup|fixtures:load|test:purge)|migrate:(fresh|reset|refresh|rollback)|db:wipe|schema:drop|doctrine:(database:drop|schema:drop)|flush|sqlflush|reset_db)$/;
const DB_CHANGE = /^(db:(migrate(:\w+)?|rollback|seed|create|prepare|load_config|environment:set|migrate:redo|migrate:down|migrate:up)|migrate(:install)?|db:seed|doctrine:(migrations:migrate|schema:update|database:create)|loaddata|createsuperuser|changepassword)$/;

/** A task name from rake, rails, artisan or manage.py: database tasks judged, the rest is the project's own build. */
export function taskKind(t: WordValue): Kind {
  if (t.dynamic) return 'unknown';
  if (DB_DESTROY.test(t.text)) return 'destroy';
  if (/^(db:migrate:status|migrate:status|db:version|showmigrations)$/.test(t.text)) return 'read';
  if (DB_CHANGE.test(t.text)) return 'change';
  if (/^(release(:.*)?|deploy(:.*)?|publish|gem:push)$/.test(t.text)) return 'publish';
  if (/^(console|c|dbconsole|db|tinker|shell|dbshell|runner|r)$/.test(t.text)) return 'unknown';
  if (/^(credentials:show|secrets:show|key:generate|encrypted:show)$/.test(t.text)) return 'change';
  if (/^(new|generate|g|destroy|d|make:\w+|startapp|startproject|makemigrations)$/.test(t.text)) return 'write';
  if (/^(-T|--tasks|-D|--describe|-P|--prereqs|-W|--where|routes|about|stats|notes|version|-v|--version|list|help|route:list|showmigrations|check|diffsettings|inspectdb|migrate:status|db:migrate:status|db:version|env)$/.test(t.text)) return 'read';
  return 'build';
}

const TASKS: TableSpec = { family: 'ruby', values: set('-f --rakefile -C --directory -I -r -e --environment'), bare: 'build', other: 'build', subs: table({}), adjust: (_c, _s, rest) => (rest.length > 0 ? strictestKind(rest.map(taskKind)) : 'build') };

const BUNDLE: TableSpec = {
  family: 'ruby',
  values: set('--gemfile --path --without --with -j --jobs --retry'),
  bare: 'install',
  other: 'unknown',
  subs: table({
    read: 'check list show info config doctor version --version platform help licenses viz',
    netread: 'outdated audit',
    install: 'install update add lock cache package pristine',
    write: 'init gem binstubs remove',
    change: 'clean open console',
    run: 'exec',
  }),
};

const GEM: TableSpec = {
  family: 'ruby',
  bare: 'read',
  other: 'unknown',
  subs: table({
    read: 'list env which contents spec specification query info help --version environment dependency stale',
    netread: 'search outdated fetch',
    install: 'install update',
    change: 'uninstall cleanup owner signin signout sources pristine',
    build: 'build',
    publish: 'push yank',
  }),
};

const COMPOSER: TableSpec = {
  family: 'php',
  values: set('-d --working-dir'),
  bare: 'read',
  other: 'build',
  subs: table({
    read: 'validate show info diagnose check-platform-reqs licenses depends why why-not prohibits fund status config about help list --version -V',
    netread: 'outdated search audit',
    install: 'install i update u upgrade require r remove rm create-project global reinstall bump self-update',
    build: 'dump-autoload dumpautoload run-script run test exec archive',
    write: 'init',
    change: 'clear-cache clearcache config_--global',
  }),
};

const CHECKERS: Record<string, TableSpec> = {
  rspec: { family: 'ruby', bare: 'build', other: 'build', subs: table({}) },
  rubocop: { family: 'ruby', bare: 'read', other: 'read', subs: table({}), writesWith: ['-a', '-A', '--autocorrect', '--autocorrect-all', '--auto-correct'] },
  phpunit: { family: 'php', bare: 'build', other: 'build', subs: table({}) },
  pest: { family: 'php', bare: 'build', other: 'build', subs: table({}) },
  phpstan: { family: 'php', bare: 'build', other: 'build', subs: table({}) },
  psalm: { family: 'php', bare: 'build', other: 'build', subs: table({}), writesWith: ['--alter'] },
  phpcs: { family: 'php', bare: 'read', other: 'read', subs: table({}) },
  phpcbf: { family: 'php', bare: 'write', other: 'write', subs: table({}) },
  'php-cs-fixer': { family: 'php', bare: 'read', other: 'write', subs: table({ read: 'list help describe check' }), readOnlyWith: ['--dry-run'] },
};

export const RUBY_PHP_PROGRAMS = ['bundle', 'bundler', 'rake', 'rails', 'gem', 'composer', ...Object.keys(CHECKERS)];

export function describeRubyPhp(call: ToolCall, program = call.fact.program): void {
  if (program === 'bundle' || program === 'bundler') describeTable(call, BUNDLE, program);
  else if (['rake', 'rails', 'artisan', 'manage.py', 'console'].includes(program)) describeTable(call, { ...TASKS, family: program === 'manage.py' ? 'python' : program === 'rake' || program === 'rails' ? 'ruby' : 'php' }, program);
  else if (program === 'gem') describeTable(call, GEM);
  else if (program === 'composer') describeTable(call, COMPOSER);
  else describeTable(call, CHECKERS[program]);
}
