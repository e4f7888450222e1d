import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_SHAPES, type DataTypes } from '../../src/document/data-types.js';

type Json = Record<string, unknown>;

function at(schema: Json, pointer: string): Json {
  let node: unknown = schema;
  for (const key of pointer.split('/').slice(1)) node = (node as Json)[key];
  return node as Json;
}

const NAMES: (keyof DataTypes)[] = ['decision-flow', 'steps', 'priority-levels', 'contact-card', 'services', 'pathways', 'organigram', 'matrix', 'two-way-flow'];

/** Pointers of every object schema with `properties` in a schema (local `$ref`s aside). */
function objectPointers(node: unknown, pointer = ''): string[] {
  if (!node || typeof node !== 'object') return [];
  const out = 'properties' in (node as Json) ? [pointer] : [];
  for (const [k, v] of Object.entries(node as Json)) out.push(...objectPointers(v, `${pointer}/${k}`));
  return out;
}

describe('data-file types against schemas/', () => {
  for (const name of NAMES) {
    const schema = JSON.parse(readFileSync(`schemas/${name}.schema.json`, 'utf8')) as Json;
    it(`${name}: every object of the schema has a shape entry with its properties and required list`, () => {
      const entries = DATA_SHAPES.filter((e) => e.schema === name);
      expect(entries.map((e) => e.pointer).sort()).toEqual(objectPointers(schema).sort());
      for (const e of entries) {
        const obj = at(schema, e.pointer);
        expect(Object.keys(e.shape).sort(), `${name}${e.pointer} properties`).toEqual(Object.keys(obj.properties as Json).sort());
        const required = Object.entries(e.shape).filter(([, r]) => r).map(([k]) => k).sort();
        expect(required, `${name}${e.pointer} required`).toEqual([...((obj.required as string[] | undefined) ?? [])].sort());
      }
    });
  }
});
