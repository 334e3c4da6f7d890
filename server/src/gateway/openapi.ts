// The API's OpenAPI 3.1 description, generated from the endpoint table the
// server validates with.

import { endpoints, errorSchema, statusMeaning } from './endpoints';
import type { Schema } from './schema';

export function openApiDocument(version: string, serverUrl?: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of endpoints) {
    const responses: Record<string, unknown> = {};
    for (const status of e.statuses) {
      if (status === 200) {
        responses['200'] = e.events
          ? { description: 'A stream of server-sent events.', content: { 'text/event-stream': { schema: { type: 'string' }, 'x-events': e.events } } }
          : { description: 'OK', content: { 'application/json': { schema: e.response } } };
      } else {
        responses[String(status)] = {
          description: statusMeaning[status] ?? '',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds until the quota resets.', schema: { type: 'integer' } } } } : {}),
        };
      }
    }
    const op: Record<string, unknown> = {
      operationId: e.operationId,
      summary: e.summary,
      security: e.auth === 'none' ? [] : e.auth === 'key' ? [{ apiKey: [] }] : [{ apiKey: [] }, { session: [] }],
      responses,
    };
    if (e.quota) op['x-counts-against-quota'] = true;
    if (e.body) op.requestBody = { required: true, content: { 'application/json': { schema: e.body } } };
    const parameters = [
      ...Object.entries(e.params?.properties ?? {}).map(([name, schema]: [string, Schema]) => ({ name, in: 'path', required: true, schema })),
      ...Object.entries(e.query?.properties ?? {}).map(([name, schema]: [string, Schema]) => ({ name, in: 'query', required: false, schema })),
    ];
    if (parameters.length) op.parameters = parameters;
    (paths[e.path] ??= {})[e.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Paladin local API', version, description: 'Plan, check and run shell commands through Paladin\'s policy and sandbox. Bound to loopback only.' },
    servers: serverUrl ? [{ url: serverUrl }] : [],
    paths,
    components: {
      schemas: { Error: errorSchema },
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from `paladin keys create NAME` (pld_...).' },
        session: { type: 'http', scheme: 'bearer', description: 'A session token from POST /v1/sessions (pls_...).' },
      },
    },
  };
}
