import { describeCommand } from '../server/src/policy/facts';
for (const c of process.argv.slice(2)) {
  const f = describeCommand(c, { workspace: process.env.WS ?? '/tmp/rt17/ws' });
  for (const x of f.commands) console.log(c, '|', x.program, 'del', JSON.stringify(x.deletes.map((p) => [p.path, p.resolved, p.classes])), 'wr', JSON.stringify(x.writes.map((p) => [p.path, p.resolved, p.classes])), 'redir', JSON.stringify(x.redirects));
}
