// npm, yarn, pnpm, npx and the project-local command-line tools of the
// JavaScript world (tsc, eslint, prettier, jest, ...).

import { applyKind, table } from './kinds';
import { describeTable, set, type TableSpec } from './tableTool';
import { act, optionText, type ToolCall } from './toolKit';

const NPM: TableSpec = {
  family: 'javascript',
  values: set('--prefix -w --workspace --registry --cache --loglevel -C --tag --otp --access'),
  bare: 'read',
  other: 'unknown',
  subs: table({
    build: 'test t tst run run-script rum urn start stop restart rebuild pack build install-ci-test cit',
    read: 'ls list ll la explain why help help-search version-check config-get prefix root bin get query sbom --version -v -version -h --help config_get config_list config_ls pkg_get cache_ls cache_verify ls-remote completion',
    netread: 'view info show v search s se find outdated audit doctor ping fund whoami diff repo docs bugs home',
    install: 'install i in ins inst insta instal isnt isntal add ci update up upgrade udpate install-test it dedupe ddp find-dupes link ln exec x login adduser add-user logout audit_fix',
    change: 'uninstall remove rm r un unlink prune cache config set pkg edit version owner access team token org star unstar hook profile dist-tag dist-tags shrinkwrap',
    write: 'init create innit',
    publish: 'publish unpublish deprecate',
  }),
  adjust: (call, sub, rest, kind) => {
    if ((sub === 'exec' || sub === 'x') && rest.length > 1) return 'run';
    if (sub === 'version' && rest.length === 1) return 'read';
    if (sub === 'config' && ['get', 'list', 'ls'].includes(rest[1]?.text ?? '')) return 'read';
    return kind;
  },
};

/** yarn and pnpm run the project's scripts by their bare name (`yarn build`). */
const YARN: TableSpec = {
  family: 'javascript',
  values: set('--cwd --filter -F -C --dir --registry --workspace'),
  bare: 'install',
  other: 'build',
  subs: table({
    build: 'run test start build lint pack workspaces workspace recursive -r',
    read: 'why info list ls licenses --version -v help config config_get bin dir outdated-check node -h --help',
    netread: 'outdated audit npm view',
    install: 'install i add upgrade up update dedupe import link unlink fetch',
    change: 'remove rm uninstall cache global prune config-set',
    write: 'init create',
    publish: 'publish npm_publish npm_unpublish',
    run: 'exec dlx',
  }),
  adjust: (call, sub, _rest, kind) => {
    if (sub === 'dlx') call.fact.network = true;
    return call.args.some((a) => /^(publish|unpublish)$/.test(a.text)) && kind !== 'run' ? 'publish' : kind;
  },
};

const PNPM: TableSpec = { ...YARN, bare: 'read' };

/** Command-line tools a JavaScript project runs from node_modules/.bin. */
const NODE_TOOLS: Record<string, TableSpec> = {};
for (const p of 'tsc eslint jest vitest mocha ava tap c8 nyc karma webpack vite rollup esbuild parcel tsup next nuxt ng svelte-kit astro turbo nx lerna stylelint biome oxlint playwright cypress storybook vue-cli-service react-scripts ts-node tsx nodemon'.split(' ')) {
  NODE_TOOLS[p] = { family: 'javascript', bare: 'build', other: 'build', subs: table({ install: 'install add publish', read: '--version -v --help' }), writesWith: ['--fix', '--write', '-w', '--init'] };
}
NODE_TOOLS.prettier = { family: 'javascript', bare: 'read', other: 'read', subs: table({}), writesWith: ['--write', '-w'] };
// Biome 1 writes its fixes with --apply.
NODE_TOOLS.biome.writesWith = ['--fix', '--write', '-w', '--apply', '--apply-unsafe'];
NODE_TOOLS.lerna.subs.set('publish', 'publish');
NODE_TOOLS.nx.subs.set('release', 'publish');
NODE_TOOLS.playwright.subs.set('install', 'install');
NODE_TOOLS.cypress.subs.set('install', 'install');

export const JAVASCRIPT_PROGRAMS = ['npm', 'yarn', 'pnpm', 'npx', 'pnpx', 'corepack', ...Object.keys(NODE_TOOLS)];

export function describeJavascript(call: ToolCall): void {
  const p = call.fact.program;
  // `npx -c 'CMD'` and `npm exec -c 'CMD'` run a command line: judge it as one.
  const callText = (['npx', 'pnpx', 'npm'].includes(p) ? optionText(call.args, '-c', '--call') : undefined);
  if (callText !== undefined) {
    const word = call.args.find((a, i) => i > 0 && ['-c', '--call'].includes(call.args[i - 1].text)) ?? call.args.find((a) => a.text.startsWith('--call='));
    if (!word || word.dynamic) act(call, 'javascript', 'unknown', `${p} -c runs a command line only known at run time`);
    else {
      act(call, 'javascript', 'build', `${p} -c runs a command line`);
      call.w.reparse(word.text.startsWith('--call=') ? word.text.slice(7) : word.text, call.fact.index, call.ctx, 'shell-string');
    }
    call.fact.network = true;
    return;
  }
  if (p === 'npm') describeTable(call, NPM);
  else if (p === 'yarn') describeTable(call, YARN);
  else if (p === 'pnpm') describeTable(call, PNPM);
  else if (p === 'npx' || p === 'pnpx') {
    const first = call.args.findIndex((a) => !a.text.startsWith('-') || a.dynamic);
    // `npx eslint` runs the project's own node_modules/.bin/eslint; naming a version, a package
    // or giving options (`--yes`, `-p`) is asking for a download.
    const tool = call.args[first];
    call.fact.network = first !== 0 || tool.dynamic || !Object.hasOwn(NODE_TOOLS, tool.text);
    applyKind(call, 'javascript', 'run', p, first < 0 ? [] : call.args.slice(first));
  } else if (p === 'corepack') describeTable(call, { family: 'javascript', bare: 'read', other: 'install', subs: table({ read: '--version -v help' }) });
  else describeTable(call, NODE_TOOLS[p]);
}

