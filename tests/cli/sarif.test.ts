import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFixture } from '../check/fixture.js';
import { ensureBuilt, ROOT, sopkit } from './cli.js';

// Each test starts several node processes; on a loaded 2-core machine that can take a while.
vi.setConfig({ testTimeout: 240_000 });
beforeAll(ensureBuilt, 300_000);

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/** The official SARIF 2.1.0 schema (draft-04); ajv 8 reads it once `id` is spelled `$id`. */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  schema.$id = schema.id;
  delete schema.id;
  delete schema.$schema;
  // The schema has one pattern that is not valid with the u flag ([a-zA-Z]{2}]?): read patterns as plain RegExp.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('--format sarif', () => {
  it('validates against the SARIF 2.1.0 schema, with rules and physical locations', async () => {
    const repo = await writeFixture({});
    expect(sopkit(['init', 'my-sop', '--date', '2026-11-20'], repo).code).toBe(0);
    await rm(path.join(repo, 'my-sop/sections/ar/08-eligibility.md'));
    const r = sopkit(['check', 'my-sop', '--today', '2026-11-25', '--format', 'sarif'], repo);
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    const rules = run.tool.driver.rules as { id: string; help: { text: string } }[];
    const missing = run.results.find((x: { ruleId: string }) => x.ruleId === 'component-missing');
    expect(missing.message.text).toMatch(/^component 8 \(CPCM eligibility criteria and flowchart\) is missing in ar/);
    expect(missing.locations[0].physicalLocation.artifactLocation.uri).toBe('my-sop/sop.yaml');
    expect(missing.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
    expect(rules[missing.ruleIndex].id).toBe('component-missing');
    expect(rules[missing.ruleIndex].help.text.length).toBeGreaterThan(20);
  });

  it('the validator is not a tautology: a broken log fails it', () => {
    const validate = sarifValidator();
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [] }] })).toBe(false);
    expect(validate({ version: '9', runs: [] })).toBe(false);
  });
});
