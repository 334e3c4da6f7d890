// Maven, Gradle, sbt and the .NET CLI. Maven and Gradle take several goals
// or tasks at once: the strictest decides.

import type { WordValue } from '../../shell/words';
import { applyKind, strictestKind, table, type Kind } from './kinds';
import { describeTable, set, type TableSpec } from './tableTool';
import { words, type ToolCall } from './toolKit';

const MAVEN_VALUES = set('-f --file -pl --projects -P --activate-profiles -s --settings -gs --global-settings -T --threads -rf --resume-from -l --log-file -t --toolchains -b --builder');
const MAVEN_PUBLISH = /^(deploy|release:perform|deploy:deploy(-file)?|nexus-staging:(release|deploy|close)|gpg:sign-and-deploy-file|central-publishing:publish|jib:build|site-deploy|site:deploy|wagon:upload(-single)?)$/;
const MAVEN_CHANGE = /^(release:prepare|release:rollback|dependency:purge-local-repository|versions:commit|scm:|liquibase:(update|rollback|drop-all)|flyway:(migrate|clean|repair)|sonar:sonar)/;
const MAVEN_DESTROY = /^(flyway:clean|liquibase:dropAll|liquibase:drop-all)$/;
const MAVEN_WRITE = /^(versions:set|versions:use-|spotless:apply|archetype:generate|fmt:format|license:format|rewrite:run|wrapper:wrapper)/;
const MAVEN_READ = /^(help:|dependency:(tree|list|analyze|resolve)|versions:display-|validate$|enforcer:)/;


function mavenGoal(g: WordValue): Kind {
  const t = g.text;
  if (g.dynamic) return 'unknown';
  if (/^-/.test(t) || /^-D|=/.test(t)) return 'read';
  if (MAVEN_DESTROY.test(t)) return 'destroy';
  if (MAVEN_PUBLISH.test(t)) return 'publish';
  if (MAVEN_CHANGE.test(t)) return 'change';
  if (MAVEN_WRITE.test(t)) return 'write';
  if (MAVEN_READ.test(t)) return 'read';
  return 'build';
}

export function describeMaven(call: ToolCall): void {
  const goals = words(call.args, MAVEN_VALUES);
  const kind = strictestKind(goals.map(mavenGoal));
  call.fact.subcommand = goals.map((g) => g.text).join(' ');
  applyKind(call, 'jvm', kind, `${call.fact.program} ${call.fact.subcommand}`.trim());
}

const GRADLE_VALUES = set('-p --project-dir -x --exclude-task -b --build-file -c --settings-file --console --max-workers -I --init-script -g --gradle-user-home --warning-mode --priority -D -P');

function gradleTask(t: WordValue): Kind {
  if (t.dynamic) return 'unknown';
  const name = t.text.replace(/^.*:/, '');
  if (/^publish.*MavenLocal$|^publishToMavenLocal$/.test(name)) return 'build';
  if (/^(publish|upload|release|deploy|bintrayUpload|artifactoryPublish|closeAndRelease)/i.test(name)) return 'publish';
  if (/^(flywayClean)$/.test(name)) return 'destroy';
  if (/^(flywayMigrate|update|dropAll|wrapper|spotlessApply|ktlintFormat)$/.test(name)) return name === 'dropAll' ? 'destroy' : name.startsWith('flyway') || name === 'update' ? 'change' : 'write';
  if (/^(tasks|dependencies|projects|properties|help|dependencyInsight|buildEnvironment|outgoingVariants|javaToolchains|--version|-v)$/.test(name)) return 'read';
  return 'build';
}

export function describeGradle(call: ToolCall): void {
  const tasks = words(call.args, GRADLE_VALUES);
  const kind = strictestKind(tasks.map(gradleTask));
  call.fact.subcommand = tasks.map((t) => t.text).join(' ');
  applyKind(call, 'jvm', kind, `${call.fact.program} ${call.fact.subcommand}`.trim());
}

const SBT: TableSpec = { family: 'jvm', bare: 'build', other: 'build', subs: table({ publish: 'publish publishSigned release sonatypeBundleRelease', read: 'about tasks projects --version' }) };

const DOTNET: TableSpec = {
  family: 'dotnet',
  values: set('-c --configuration -f --framework -r --runtime -o --output -p --project -v --verbosity -s --source --arch --os -a --property'),
  bare: 'read',
  other: 'unknown',
  subs: table({
    build: 'build test run watch clean pack publish msbuild vstest build-server tool_run',
    read: 'list sln_list --info --version --list-sdks --list-runtimes help sdk_check nuget_locals dev-certs_https tool_list tool_search workload_list user-secrets_list ef_migrations_list ef_dbcontext_info ef_dbcontext_list ef_migrations_script',
    install: 'restore add_package tool_install tool_update tool_restore workload_install workload_update workload_restore',
    write: 'new format add_reference remove sln_add sln_remove ef_migrations_add ef_migrations_remove ef_dbcontext_scaffold',
    change: 'tool_uninstall workload_uninstall user-secrets_set user-secrets_remove user-secrets_clear user-secrets_init ef_database_update nuget_add nuget_update nuget_remove nuget_enable nuget_disable dev-certs',
    publish: 'nuget_push',
    destroy: 'nuget_delete ef_database_drop',
  }),
  readOnlyWith: ['--verify-no-changes'],
  adjust: (call, sub, rest, kind) => {
    if (sub === 'ef' && rest[1]?.text === 'database') return rest[2]?.text === 'drop' ? 'destroy' : rest[2]?.text === 'update' ? 'change' : 'unknown';
    if (sub === 'dev-certs' && call.args.some((a) => a.text === '--check')) return 'read';
    return kind;
  },
};

export const JVM_DOTNET_PROGRAMS = ['mvn', 'mvnw', 'gradle', 'gradlew', 'sbt', 'dotnet'];

export function describeJvmDotnet(call: ToolCall): void {
  const p = call.fact.program;
  if (p === 'mvn' || p === 'mvnw') describeMaven(call);
  else if (p === 'gradle' || p === 'gradlew') describeGradle(call);
  else if (p === 'sbt') describeTable(call, SBT);
  else describeTable(call, DOTNET);
}
