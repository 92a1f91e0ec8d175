// A small JSON Schema (draft-07) checker for the keywords Slack's app manifest schema uses, so the manifest test can
// validate against Slack's own schema without another dependency. Unknown keywords are ignored, like validators do
// for annotations; `regex` (used by Slack's schema where draft-07 says `pattern`) is checked as a pattern.
type Schema = Record<string, any> | boolean;

export interface SchemaError {
  path: string;
  message: string;
}

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

/** Every place `value` breaks `schema`; `root` resolves `#/definitions/…` references. */
export function validate(schema: Schema, value: unknown, root: Record<string, any> = schema as Record<string, any>, path = ''): SchemaError[] {
  if (schema === true) return [];
  if (schema === false) return [{ path, message: 'no value is allowed here' }];
  const errors: SchemaError[] = [];
  const fail = (message: string, at = path): void => void errors.push({ path: at || '/', message });
  if (schema.$ref) {
    const ref = String(schema.$ref);
    if (!ref.startsWith('#/')) throw new Error(`json-schema: only local references are supported, not ${ref}`);
    const target = ref.slice(2).split('/').reduce((o: any, k: string) => o?.[k], root);
    if (target === undefined) throw new Error(`json-schema: unresolved reference ${ref}`);
    errors.push(...validate(target, value, root, path));
  }
  if (schema.type) {
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeMatches(value, t))) return [...errors, { path: path || '/', message: `expected ${types.join(' or ')}, got ${typeOf(value)}` }];
  }
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) fail(`expected ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.some((e: unknown) => JSON.stringify(e) === JSON.stringify(value))) fail(`expected one of ${schema.enum.join(', ')}, got ${JSON.stringify(value)}`);
  if (typeof value === 'string') {
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength) fail(`longer than ${schema.maxLength} characters`);
    if (schema.minLength !== undefined && [...value].length < schema.minLength) fail(`shorter than ${schema.minLength} characters`);
    for (const p of [schema.pattern, schema.regex]) if (typeof p === 'string' && !new RegExp(p, 'u').test(value)) fail(`does not match ${p}`);
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) fail(`more than ${schema.maxItems} items`);
    if (schema.minItems !== undefined && value.length < schema.minItems) fail(`fewer than ${schema.minItems} items`);
    if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) fail('items are not unique');
    if (schema.items && !Array.isArray(schema.items)) value.forEach((v, i) => errors.push(...validate(schema.items, v, root, `${path}/${i}`)));
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    for (const r of schema.required ?? []) if (!(r in obj)) fail(`missing required property ${r}`);
    if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) fail(`more than ${schema.maxProperties} properties`);
    if (schema.minProperties !== undefined && keys.length < schema.minProperties) fail(`fewer than ${schema.minProperties} properties`);
    for (const k of keys) {
      let matched = false;
      if (schema.properties && k in schema.properties) {
        matched = true;
        errors.push(...validate(schema.properties[k], obj[k], root, `${path}/${k}`));
      }
      for (const [p, s] of Object.entries(schema.patternProperties ?? {})) {
        if (new RegExp(p, 'u').test(k)) {
          matched = true;
          errors.push(...validate(s as Schema, obj[k], root, `${path}/${k}`));
        }
      }
      if (!matched && schema.additionalProperties !== undefined) {
        if (schema.additionalProperties === false) fail(`unexpected property ${k}`);
        else errors.push(...validate(schema.additionalProperties, obj[k], root, `${path}/${k}`));
      }
    }
  }
  for (const s of schema.allOf ?? []) errors.push(...validate(s, value, root, path));
  if (schema.anyOf && !schema.anyOf.some((s: Schema) => validate(s, value, root, path).length === 0)) fail('matches none of the allowed shapes (anyOf)');
  if (schema.oneOf && schema.oneOf.filter((s: Schema) => validate(s, value, root, path).length === 0).length !== 1) fail('does not match exactly one allowed shape (oneOf)');
  if (schema.not && validate(schema.not, value, root, path).length === 0) fail('matches a shape that is not allowed');
  return errors;
}
