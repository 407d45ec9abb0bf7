/**
 * Validators for Spotify Web API responses, built from the OpenAPI description in
 * ../shared/spotify-web-api/ — so the stand-in (and anything else) cannot drift from Spotify.
 *
 * Two strengths:
 * - `spec`: the schemas as published (OpenAPI 3.0: `nullable`, `$ref` into components, `allOf`).
 *   They declare few properties `required`, so an empty object passes many of them.
 * - `exact`: the same schemas tightened for our own responses — every declared property that
 *   is not deprecated must be present (except the few Spotify sends only sometimes, see
 *   SOMETIMES_ABSENT), and no undeclared property may appear.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/**
 * The description lives beside the project (`../shared`), not in it. A clone elsewhere finds
 * it through SPOTIFY_OPENAPI_PATH or the team's shared folder.
 */
export const OPENAPI_PATH =
  [
    process.env.SPOTIFY_OPENAPI_PATH,
    fileURLToPath(new URL('../../../../shared/spotify-web-api/fixed-spotify-open-api.yml', import.meta.url)),
    '/work/shared/spotify-web-api/fixed-spotify-open-api.yml',
  ].find((path): path is string => !!path && existsSync(path)) ?? fail();

function fail(): never {
  throw new Error('The Spotify OpenAPI description was not found at ../shared/spotify-web-api/fixed-spotify-open-api.yml; set SPOTIFY_OPENAPI_PATH to it.');
}

/** Present only in some responses: `restrictions` when playback is restricted, ean/upc rarely. */
const SOMETIMES_ABSENT = new Set(['restrictions', 'linked_from', 'ean', 'upc']);

type Schema = Record<string, unknown>;
type Strength = 'spec' | 'exact';

export interface SchemaCheck {
  valid: boolean;
  errors: ErrorObject[];
  /** One line per error, for test failure messages. */
  text: string;
}

export interface SpotifySchemas {
  /** A schema from `components.schemas`, e.g. `PagingSavedTrackObject`. */
  check(schemaName: string, value: unknown, strength?: Strength): SchemaCheck;
  /** The JSON schema of a response from `components.responses`, e.g. `Unauthorized`. */
  checkResponse(responseName: string, value: unknown, strength?: Strength): SchemaCheck;
}

export function loadSpotifySchemas(): SpotifySchemas {
  const document = parse(readFileSync(OPENAPI_PATH, 'utf8')) as { components: { schemas: Record<string, Schema>; responses: Record<string, Schema> } };
  const { schemas, responses } = document.components;
  const validators = {
    spec: createAjv({ schemas, responses }),
    exact: createAjv(tightenComponents(schemas, responses)),
  };
  const compiled = new Map<string, ValidateFunction>();
  const run = (strength: Strength, pointer: string, value: unknown): SchemaCheck => {
    const key = `${strength} ${pointer}`;
    let validate = compiled.get(key);
    if (!validate) {
      validate = validators[strength].getSchema(`spotify#${pointer}`);
      if (!validate) throw new Error(`no schema at ${pointer}`);
      compiled.set(key, validate);
    }
    const valid = validate(value);
    const errors = validate.errors ?? [];
    return { valid, errors, text: errors.map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`).join('\n') };
  };
  return {
    check: (schemaName, value, strength = 'exact') => run(strength, `/components/schemas/${schemaName}`, value),
    checkResponse: (responseName, value, strength = 'exact') => run(strength, `/components/responses/${responseName}/content/application~1json/schema`, value),
  };
}

function createAjv(components: { schemas: Record<string, Schema>; responses: Record<string, Schema> }): Ajv {
  // strict: false — the description carries OpenAPI keywords (`example`, `x-spotify-docs-type`) Ajv does not know.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'spotify', components }, 'spotify');
  return ajv;
}

function tightenComponents(
  schemas: Record<string, Schema>,
  responses: Record<string, Schema>,
): { schemas: Record<string, Schema>; responses: Record<string, Schema> } {
  const tightened = new Map<string, Schema>();
  const named = (name: string): Schema => {
    let schema = tightened.get(name);
    if (!schema) {
      schema = tighten(schemas[name]!, named);
      tightened.set(name, schema);
    }
    return schema;
  };
  const tightResponses = Object.fromEntries(
    Object.entries(responses).map(([name, response]) => {
      const content = response.content as Record<string, { schema?: Schema }> | undefined;
      const schema = content?.['application/json']?.schema;
      return [name, schema ? { ...response, content: { 'application/json': { schema: tighten(schema, named) } } } : response];
    }),
  );
  return { schemas: Object.fromEntries(Object.keys(schemas).map((name) => [name, named(name)])), responses: tightResponses };
}

/**
 * Requires every non-deprecated property and forbids undeclared ones. `allOf` of object parts
 * (SimplifiedAlbumObject = AlbumBase + artists) is merged first, because
 * `additionalProperties: false` inside each part would reject the other parts' properties.
 */
function tighten(node: Schema, named: (name: string) => Schema): Schema {
  const allOf = node.allOf as Schema[] | undefined;
  if (allOf) {
    const { allOf: _parts, ...rest } = node;
    if (allOf.length === 1 && typeof allOf[0]!.$ref === 'string') return { ...rest, $ref: allOf[0]!.$ref };
    const merged: Schema = { ...rest, type: 'object', properties: {} };
    for (const part of allOf) {
      const resolved = typeof part.$ref === 'string' ? named(part.$ref.replace('#/components/schemas/', '')) : tighten(part, named);
      Object.assign(merged.properties as Schema, resolved.properties);
    }
    return requireAll(merged);
  }
  const out: Schema = { ...node };
  if (node.properties) {
    out.properties = Object.fromEntries(Object.entries(node.properties as Record<string, Schema>).map(([key, value]) => [key, tighten(value, named)]));
    return requireAll(out);
  }
  if (node.items && typeof node.items === 'object') out.items = tighten(node.items as Schema, named);
  return out;
}

function requireAll(schema: Schema): Schema {
  const properties = schema.properties as Record<string, Schema>;
  const required = Object.entries(properties)
    .filter(([key, property]) => property.deprecated !== true && !SOMETIMES_ABSENT.has(key))
    .map(([key]) => key);
  return { ...schema, required: [...new Set([...((schema.required as string[] | undefined) ?? []), ...required])], additionalProperties: false };
}
