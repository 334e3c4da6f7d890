// The small part of JSON Schema the API needs, used twice from one table:
// to check every request, and to describe the API in its OpenAPI document.
// Keeping one source means the description cannot drift from the checks.

export type Schema =
  | { type: 'string'; description?: string; minLength?: number; maxLength?: number; enum?: readonly string[]; pattern?: string; format?: string }
  | { type: 'integer'; description?: string; minimum?: number; maximum?: number }
  | { type: 'number'; description?: string; minimum?: number; maximum?: number }
  | { type: 'boolean'; description?: string }
  | { type: 'array'; description?: string; items: Schema; maxItems?: number }
  | { type: 'object'; description?: string; properties: Record<string, Schema>; required?: readonly string[]; additionalProperties?: boolean };

export type ObjectSchema = Extract<Schema, { type: 'object' }>;

/** Every problem with `value`, each naming where it is and what was expected. Empty when it conforms. */
export function validate(schema: Schema, value: unknown, where = 'body', problems: string[] = []): string[] {
  if (problems.length >= 10) return problems;
  switch (schema.type) {
    case 'string':
      if (typeof value !== 'string') problems.push(`${where} must be a string, not ${kind(value)}`);
      else {
        if (schema.minLength !== undefined && value.length < schema.minLength) problems.push(`${where} must not be ${schema.minLength === 1 ? 'empty' : `shorter than ${schema.minLength} characters`}`);
        if (schema.maxLength !== undefined && value.length > schema.maxLength) problems.push(`${where} is ${value.length} characters long; the limit is ${schema.maxLength}`);
        if (schema.enum && !schema.enum.includes(value)) problems.push(`${where} must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}, not ${JSON.stringify(value)}`);
        if (schema.pattern && !new RegExp(schema.pattern).test(value)) problems.push(`${where} must match ${schema.pattern}`);
      }
      break;
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value) || (schema.type === 'integer' && !Number.isInteger(value))) problems.push(`${where} must be ${schema.type === 'integer' ? 'a whole number' : 'a number'}, not ${kind(value)}`);
      else if ((schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum)) problems.push(`${where} must be from ${schema.minimum ?? '-∞'} to ${schema.maximum ?? '∞'}, not ${value}`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') problems.push(`${where} must be true or false, not ${kind(value)}`);
      break;
    case 'array':
      if (!Array.isArray(value)) problems.push(`${where} must be an array, not ${kind(value)}`);
      else {
        if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.push(`${where} has ${value.length} items; the limit is ${schema.maxItems}`);
        value.slice(0, schema.maxItems ?? value.length).forEach((item, i) => validate(schema.items, item, `${where}[${i}]`, problems));
      }
      break;
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push(`${where} must be a JSON object, not ${kind(value)}`);
        break;
      }
      const obj = value as Record<string, unknown>;
      for (const name of schema.required ?? []) if (!Object.hasOwn(obj, name) || obj[name] === undefined) problems.push(`${where}.${name} is missing`);
      for (const [name, v] of Object.entries(obj)) {
        // Own members only: "__proto__", "constructor" or "toString" are not fields because Object.prototype has them.
        const sub = Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined;
        if (sub) {
          if (v !== undefined) validate(sub, v, `${where}.${name}`, problems);
        } else if (schema.additionalProperties === false) {
          problems.push(`${where}.${name} is not a known field (known: ${Object.keys(schema.properties).join(', ') || 'none'})`);
        }
      }
      break;
    }
  }
  return problems;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  return `${typeof value} ${String(value)}`;
}

/** Query parameters arrive as strings; turn the ones the schema says are numbers or booleans into those. */
export function coerceQuery(schema: ObjectSchema, params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, raw] of params) {
    const sub = Object.hasOwn(schema.properties, name) ? schema.properties[name] : undefined;
    const value = sub?.type === 'integer' || sub?.type === 'number' ? (raw.trim() === '' || Number.isNaN(Number(raw)) ? raw : Number(raw)) : sub?.type === 'boolean' ? (raw === 'true' ? true : raw === 'false' ? false : raw) : raw;
    // defineProperty: a parameter named __proto__ stays a plain (unknown) member, never the object's prototype.
    Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
