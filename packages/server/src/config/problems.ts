import type { ErrorObject } from 'ajv';
import { FORMATS } from './formats.js';

/** Everything wrong with a config, one problem per entry (the message has one per line). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.problems = list;
  }
}

/** What a schema node may say in place of a keyword's generic problem text. */
interface SchemaNode {
  type?: string | readonly string[];
  minimum?: number;
  maximum?: number;
  format?: string;
  properties?: Record<string, SchemaNode>;
  messages?: Record<string, string>;
}

/** A validator Ajv compiled (validator.generated.ts): it fills in defaults and leaves `errors`. */
export interface CompiledValidator {
  (value: unknown): boolean;
  errors?: readonly ErrorObject[] | null;
}

/**
 * Checks a value with `validate` (filling in its schema's defaults) and returns what is wrong, one
 * line per key: `clients[1].callbacks[0]: "nope" is not an http(s) URL`. The first problem Ajv
 * finds for a key is the one reported, so a value never gets two lines.
 */
export function schemaChecker(validate: CompiledValidator): (value: unknown) => string[] {
  return (value) => {
    if (validate(value)) return [];
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const error of validate.errors ?? []) {
      const problem = describe(error);
      if (!problem || seen.has(problem.at)) continue;
      seen.add(problem.at);
      lines.push(`${problem.at}: ${problem.text}`);
    }
    return lines;
  };
}

/** `/clients/1/callbacks/0` → `clients[1].callbacks[0]`; the root is `config`. */
function keyName(instancePath: string, child?: string): string {
  const segments = instancePath.split('/').slice(1);
  if (child !== undefined) segments.push(child);
  const name = segments
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment, i) =>
      /^\d+$/.test(segment) ? `[${segment}]` : i === 0 ? segment : `.${segment}`,
    )
    .join('');
  return name || 'config';
}

/** The key and what is wrong with it, or `undefined` for errors that only sum up others. */
function describe(error: ErrorObject): { at: string; text: string } | undefined {
  const node = (error.parentSchema ?? {}) as SchemaNode;
  const at = keyName(error.instancePath);
  const custom = node.messages?.[error.keyword];
  if (custom) return { at, text: custom };
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'propertyNames':
      return undefined;
    case 'additionalProperties': {
      const allowed = Object.keys(node.properties ?? {}).join(', ');
      return {
        at,
        text: `unknown key "${String(params.additionalProperty)}" (allowed: ${allowed})`,
      };
    }
    case 'required': {
      const key = String(params.missingProperty);
      return { at: keyName(error.instancePath, key), text: typeProblem(node.properties?.[key]) };
    }
    case 'enum':
      return {
        at,
        text: `"${String(error.data)}" is not one of: ${(params.allowedValues as string[]).join(', ')}`,
      };
    case 'format': {
      const problem = FORMATS[params.format as keyof typeof FORMATS];
      // A `propertyNames` failure: the object's key is at fault, not a value.
      if (error.propertyName !== undefined) {
        return { at: `${at} key`, text: problem(error.propertyName) ?? 'is not valid' };
      }
      return { at, text: problem(String(error.data)) ?? 'is not valid' };
    }
    default:
      return { at, text: typeProblem(node) };
  }
}

/** What a value of the node's type must be: the text for type, length and range failures. */
function typeProblem(node: SchemaNode = {}): string {
  const types = typeof node.type === 'string' ? [node.type] : (node.type ?? []);
  if (types.includes('object')) return 'must be an object';
  if (types.includes('array')) return 'must be an array';
  if (types.includes('integer')) {
    return `must be a whole number from ${node.minimum} to ${node.maximum}`;
  }
  if (types.includes('boolean')) return 'must be true or false';
  if (types.includes('string')) return 'must be a non-empty string';
  return 'is not valid';
}
