import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseYamlWithPositions, splitFrontMatter, type PositionMap } from '../../src/model/index.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { writeStandaloneValidators } from '../../src/tooling/standalone-validators.js';
import { addSchemaWithRefs, createAjv } from '../../src/validate/compile.js';
import { readSchema, schemaNames } from '../../src/validate/schema-files.js';
import { loadStandaloneValidators, STANDALONE_FILE, type StandaloneModule } from '../../src/validate/standalone.js';
import { validateWith } from '../../src/validate/validate.js';
import type { ErrorObject, ValidateFunction } from '../../src/vendor/ajv.js';

/** One document to validate: which schema, the data, where its keys are. */
interface Doc {
  schema: string;
  label: string;
  data: unknown;
  positions: PositionMap;
}

const NOT_DATA = new Set(['sop', 'section', 'annex', 'profile', 'localized']);

async function files(dir: string, ext: RegExp): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => ext.test(n)).sort().map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

/**
 * Every YAML and front-matter document of an SOP folder (the example, the init template);
 * a data file of another name than a schema's is read under the schema `mapped` gives it
 * (a profile's poster kinds).
 */
async function sopDocs(root: string, mapped: Record<string, string> = {}): Promise<Doc[]> {
  const docs: Doc[] = [];
  const yamlDoc = async (file: string, schema: string) => {
    const y = parseYamlWithPositions(await readFile(file, 'utf8'), path.relative(root, file));
    docs.push({ schema, label: path.relative(PACKAGE_ROOT, file), data: y.value, positions: y.positions });
  };
  const mdDoc = async (file: string, schema: string) => {
    const s = splitFrontMatter(await readFile(file, 'utf8'), path.relative(root, file));
    docs.push({ schema, label: path.relative(PACKAGE_ROOT, file), data: s.frontMatter, positions: s.positions });
  };
  // A profile's init templates (templates/init/profiles/<id>/) have no sop.yaml of their own.
  if (existsSync(path.join(root, 'sop.yaml'))) await yamlDoc(path.join(root, 'sop.yaml'), 'sop');
  for (const lang of ['ar', 'en']) {
    for (const f of await files(path.join(root, 'sections', lang), /\.md$/)) await mdDoc(f, 'section');
    for (const f of await files(path.join(root, 'annexes', lang), /\.md$/)) await mdDoc(f, 'annex');
  }
  for (const f of await files(path.join(root, 'annexes'), /\.ya?ml$/)) await yamlDoc(f, 'annex');
  for (const f of await files(path.join(root, 'data'), /\.ya?ml$/)) {
    const name = path.basename(f).replace(/\.ya?ml$/, '');
    const schema = mapped[name] ?? name;
    if (schemaNames().includes(schema) && !NOT_DATA.has(schema)) await yamlDoc(f, schema);
  }
  // A CPCM file name's schema is an alias of its kind's (eligibility → decision-flow): the
  // same document is also read under the kind's own schema.
  for (const d of [...docs]) {
    const ref = (readSchema(d.schema)?.allOf as Array<{ $ref?: string }> | undefined)?.[0]?.$ref?.replace(/\.schema\.json$/, '');
    if (ref) docs.push({ ...d, schema: ref, label: `${d.label} as ${ref}` });
  }
  return docs;
}

/** Every JSON pointer of `data`, with its parent object/array and key. */
function* nodes(data: unknown, pointer = ''): Generator<{ pointer: string; value: unknown }> {
  yield { pointer, value: data };
  if (Array.isArray(data)) for (let i = 0; i < data.length; i++) yield* nodes(data[i], `${pointer}/${i}`);
  else if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) yield* nodes(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
}

function setAt(data: unknown, pointer: string, value: unknown | typeof DELETE): unknown {
  const copy = structuredClone(data);
  const tokens = pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (tokens.length === 0) return value === DELETE ? undefined : value;
  let cur = copy as Record<string, unknown>;
  for (const t of tokens.slice(0, -1)) cur = cur[t] as Record<string, unknown>;
  const last = tokens[tokens.length - 1]!;
  if (value === DELETE) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = value;
  return copy;
}
const DELETE = Symbol('delete');

/** Each document, and broken copies of it: every key removed or given a wrong value, unknown keys added. */
function* variants(doc: Doc): Generator<Doc> {
  yield doc;
  const wrong: unknown[] = [DELETE, 42, 2.5, -1, true, null, [], {}, '', 'x', '2026-13-45', '2026-02-30', 'not an e-mail', ['a', 'a']];
  for (const { pointer, value } of nodes(doc.data)) {
    if (pointer === '') continue;
    for (const w of wrong) yield { ...doc, label: `${doc.label} ${pointer}=${String(w)}`, data: setAt(doc.data, pointer, w) };
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      yield { ...doc, label: `${doc.label} ${pointer}+colour`, data: setAt(doc.data, `${pointer}/colour`, 'red') };
    }
  }
  if (doc.data && typeof doc.data === 'object' && !Array.isArray(doc.data)) yield { ...doc, label: `${doc.label} +titel`, data: setAt(doc.data, '/titel', 'x') };
}

let tmp: string;
let generated: StandaloneModule;
const compiled = new Map<string, ValidateFunction>();

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'sopkit-standalone-'));
  const { file } = await writeStandaloneValidators(tmp);
  generated = loadStandaloneValidators(file)!;
  // The run-time path exactly as src/validate/schemas.ts takes it without generated code.
  const ajv = createAjv(await import('../../src/vendor/ajv.js'));
  const added = new Set<string>();
  for (const name of schemaNames()) {
    addSchemaWithRefs(ajv, name, added);
    compiled.set(name, ajv.getSchema(`${name}.schema.json`)!);
  }
}, 60_000);

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('generated (standalone) validators', () => {
  it('exist for every schema and match the schemas they were generated from', () => {
    expect(generated).toBeDefined();
    for (const name of schemaNames()) expect(typeof generated[name], name).toBe('function');
  });

  it('give the same ajv errors and the same diagnostics as compiling, on the example, the template and thousands of broken copies', async () => {
    // The coordination example's data files under the schemas of the kinds its profile maps them to.
    const coordination = parseYamlWithPositions(await readFile(path.join(PACKAGE_ROOT, 'templates', 'profiles', 'coordination-manual.yaml'), 'utf8'), 'p').value as { posters: Array<{ kind: string; data: string }> };
    const mapped = Object.fromEntries(coordination.posters.map((p) => [p.data, p.kind]));
    const docs = [
      ...(await sopDocs(path.join(PACKAGE_ROOT, 'sop-sources'))),
      ...(await sopDocs(path.join(PACKAGE_ROOT, 'sop-sources', 'examples', 'coordination-manual'), mapped)),
      ...(await sopDocs(path.join(PACKAGE_ROOT, 'templates', 'init'))),
    ];
    // Each profile's own templates: its data files and annexes.
    for (const id of (await readdir(path.join(PACKAGE_ROOT, 'templates', 'init', 'profiles'))).sort()) docs.push(...(await sopDocs(path.join(PACKAGE_ROOT, 'templates', 'init', 'profiles', id))));
    for (const f of await files(path.join(PACKAGE_ROOT, 'templates', 'profiles'), /\.ya?ml$/)) {
      const y = parseYamlWithPositions(await readFile(f, 'utf8'), path.basename(f));
      docs.push({ schema: 'profile', label: path.basename(f), data: y.value, positions: y.positions });
    }
    expect(new Set(docs.map((d) => d.schema))).toEqual(new Set(schemaNames().filter((n) => n !== 'localized')));

    let checked = 0;
    let failing = 0;
    const keywords = new Set<string>();
    for (const doc of docs) {
      for (const v of variants(doc)) {
        const a = generated[v.schema] as ValidateFunction;
        const b = compiled.get(v.schema)!;
        const okA = a(v.data);
        const errorsA = a.errors as ErrorObject[] | null | undefined;
        const okB = b(v.data);
        const errorsB = b.errors as ErrorObject[] | null | undefined;
        // Whole error objects: keyword, paths, params, message, schema, parentSchema, data.
        expect(okA, v.label).toBe(okB);
        expect(errorsA ?? null, v.label).toEqual(errorsB ?? null);
        expect(validateWith(a, v.data, v.positions, v.label), v.label).toEqual(validateWith(b, v.data, v.positions, v.label));
        checked++;
        if (!okB) failing++;
        for (const e of errorsB ?? []) keywords.add(e.keyword);
      }
    }
    // The comparison is only worth something if the broken copies reach every kind of error.
    expect(checked).toBeGreaterThan(5000);
    expect(failing).toBeGreaterThan(checked / 2);
    for (const k of ['required', 'additionalProperties', 'type', 'enum', 'format', 'pattern', 'minItems', 'minLength', 'uniqueItems', 'oneOf']) {
      expect(keywords, k).toContain(k);
    }
  }, 120_000);

  it('are not used when the schemas changed since they were generated', async () => {
    const stale = path.join(tmp, `stale-${STANDALONE_FILE}`);
    const text = await readFile(path.join(tmp, STANDALONE_FILE), 'utf8');
    const edited = text.replace(/SCHEMAS_FINGERPRINT\s*=\s*"[0-9a-f]+"/, 'SCHEMAS_FINGERPRINT="0"');
    expect(edited).not.toBe(text);
    await writeFile(stale, edited);
    expect(loadStandaloneValidators(stale)).toBeUndefined();
    expect(loadStandaloneValidators(path.join(tmp, 'missing.cjs'))).toBeUndefined();
  });
});
