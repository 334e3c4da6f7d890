// The organisation policy endpoints: anyone with a key may read which
// organisation policies are in force and how they changed (they judge that
// person's commands); only admins may change them.

import type { Endpoint } from './endpoints';
import type { ObjectSchema, Schema } from './schema';

export type OrgPolicyOperation = 'orgPolicies' | 'orgPolicyAdd' | 'orgPolicyRemove' | 'orgPolicyHistory' | 'orgPolicyVersion' | 'orgPolicyRollback';

const obj = (properties: Record<string, Schema>, required: string[] = []): ObjectSchema => ({ type: 'object', properties, required, additionalProperties: false });
const open = (description: string): ObjectSchema => ({ type: 'object', description, properties: {}, additionalProperties: true });

const reason: Schema = { type: 'string', minLength: 1, maxLength: 1000, description: 'Why: kept with the new version and in the audit log.' };
const version = open('One version of the organisation\'s policies: version, change (add, remove, rollback), name, rolledBackTo, author, reason, createdAt, modules [{name, sha256, addedIn, rego?}].');

export function orgPolicyEndpoints(common: number[]): Endpoint[] {
  return [
    {
      method: 'GET', path: '/v1/org/policies', operationId: 'orgPolicies', summary: 'The organisation policies in force now (version 0: none yet).', auth: 'any', quota: false,
      response: version, statuses: [200, ...common],
    },
    {
      method: 'POST', path: '/v1/org/policies', operationId: 'orgPolicyAdd', summary: 'Admins: add or replace an organisation policy (Rego in `package paladin.org.<name>`); makes a new version.', auth: 'any', quota: false,
      body: obj({ rego: { type: 'string', minLength: 1, maxLength: 65_536, description: 'The policy\'s Rego module.' }, reason }, ['rego', 'reason']),
      response: version, statuses: [200, ...common, 503],
    },
    {
      method: 'DELETE', path: '/v1/org/policies/{name}', operationId: 'orgPolicyRemove', summary: 'Admins: take an organisation policy out; makes a new version.', auth: 'any', quota: false,
      params: obj({ name: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[A-Za-z_][A-Za-z0-9_]*$' } }, ['name']),
      query: obj({ reason }, ['reason']),
      response: version, statuses: [200, ...common],
    },
    {
      method: 'GET', path: '/v1/org/policies/history', operationId: 'orgPolicyHistory', summary: 'Every version of the organisation\'s policies, oldest first.', auth: 'any', quota: false,
      response: obj({ versions: { type: 'array', items: version } }, ['versions']), statuses: [200, ...common],
    },
    {
      method: 'GET', path: '/v1/org/policies/versions/{version}', operationId: 'orgPolicyVersion', summary: 'One version of the organisation\'s policies, with each module\'s Rego.', auth: 'any', quota: false,
      params: obj({ version: { type: 'string', minLength: 1, maxLength: 12, pattern: '^[0-9]+$' } }, ['version']),
      response: version, statuses: [200, ...common],
    },
    {
      method: 'POST', path: '/v1/org/policies/rollback', operationId: 'orgPolicyRollback', summary: 'Admins: make a new version whose policies are those of an earlier version.', auth: 'any', quota: false,
      body: obj({ version: { type: 'integer', minimum: 1 }, reason }, ['version', 'reason']),
      response: version, statuses: [200, ...common],
    },
  ];
}
