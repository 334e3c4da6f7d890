// gateway/: who is asking and whether they are within quota, in front of the
// local HTTP API. Its tables are migrated with the records stage's (ids 550+).

export { authenticate, createApiKey, createSession, endSession, KeyError, listApiKeys, revokeApiKey, userIdByEmail, type AuthResult, type KeyInfo } from './apiKeys';
export { endpoints, type Endpoint } from './endpoints';
export { ApiServer, createApiServer, type ApiOptions } from './httpApi';
export { gatewayMigrations } from './migrations';
export { openApiDocument } from './openapi';
export { consumeQuota, usage, type QuotaResult } from './quota';
