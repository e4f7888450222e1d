import type { ErrorObject, ValidateFunction } from '../vendor/ajv.js';
import { diagnostic, didYouMean, type Diagnostic, type PositionMap } from '../diag/index.js';
import { dateProblem } from '../diag/dates.js';
import { validatorFor } from './schemas.js';

/** `/agencies/2/name` → `agencies[2].name`: how a reader finds the place in the file. */
function readablePath(pointer: string): string {
  if (!pointer) return 'the file';
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((t, i) => (/^\d+$/.test(t) ? `[${Number(t) + 1}]` : i === 0 ? t : `.${t}`))
    .join('')
    .replace(/\.\[/g, '[');
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'a block of keys';
  return `"${String(value).slice(0, 40)}"`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false',
  array: 'a list (lines starting with "- ")', object: 'a block of keys', null: 'empty',
};

function valueAt(data: unknown, pointer: string): unknown {
  let cur: unknown = data;
  for (const t of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[t.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

/**
 * "must be one of …": the schema's own enum message, also used for lists a schema cannot
 * hold because they come from the checklist profile (contexts, service sectors).
 */
export function enumDiagnostic(data: unknown, pointer: string, allowed: readonly string[], positions: PositionMap, what: string): Diagnostic {
  const got = valueAt(data, pointer);
  const guess = typeof got === 'string' ? didYouMean(got, [...allowed]) : undefined;
  return diagnostic('schema', 'error', `${what}: ${readablePath(pointer)} must be one of ${allowed.join(', ')}, not ${describe(got)}`, { ...positions.at(pointer), file: positions.file }, guess ? `Did you mean "${guess}"?` : undefined);
}

/** Turns one ajv error into words for someone who is not a programmer. */
function toDiagnostic(err: ErrorObject, data: unknown, positions: PositionMap, what: string): Diagnostic {
  const where = readablePath(err.instancePath);
  const file = positions.file;
  const at = (p: string) => ({ ...positions.at(p), file });
  switch (err.keyword) {
    case 'required': {
      const prop = (err.params as { missingProperty: string }).missingProperty;
      const inside = err.instancePath ? ` in ${where}` : '';
      return diagnostic('schema', 'error', `${what}: the key "${prop}" is missing${inside}`, positions.has(err.instancePath) ? { ...positions.keyAt(err.instancePath), file } : { file, line: positions.at('').line, column: 1 }, `Add a line "${prop}: …"${inside}. See the schema for what it holds.`);
    }
    case 'additionalProperties': {
      const prop = (err.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys(((err.parentSchema as { properties?: object }).properties ?? {}));
      const guess = didYouMean(prop, allowed);
      const p = `${err.instancePath}/${prop.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      return diagnostic('schema', 'error', `${what}: unknown key "${prop}"${err.instancePath ? ` in ${where}` : ''}`, { ...positions.keyAt(p), file }, guess ? `Did you mean "${guess}"?` : `Allowed keys here: ${allowed.join(', ')}.`);
    }
    case 'type': {
      const want = String((err.params as { type: string | string[] }).type).split(',').map((t) => TYPE_NAMES[t] ?? t).join(' or ');
      const got = valueAt(data, err.instancePath);
      const quote = want.startsWith('text') && (typeof got === 'number' || typeof got === 'boolean');
      return diagnostic('schema', 'error', `${what}: ${where} must be ${want}, not ${describe(got)}`, at(err.instancePath), quote ? `Put the value in quotes, e.g. "${String(got)}".` : undefined);
    }
    case 'enum':
      return enumDiagnostic(data, err.instancePath, (err.params as { allowedValues: unknown[] }).allowedValues.map(String), positions, what);
    case 'format': {
      const fmt = (err.params as { format: string }).format;
      const got = valueAt(data, err.instancePath);
      // 2026-02-31 is written YYYY-MM-DD but names no day: say which part is wrong.
      const calendar = fmt === 'date' && typeof got === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(got) ? dateProblem(got) : undefined;
      if (calendar) return diagnostic('schema', 'error', `${what}: ${where} ${calendar.replace(/^"[^"]*" /, `"${got}" `)}`, at(err.instancePath), 'Correct the day or month; dates are written YYYY-MM-DD, e.g. 2026-11-22.');
      const hint = fmt === 'date' ? 'Write dates as YYYY-MM-DD, e.g. 2026-11-22.' : fmt === 'email' ? 'Write an e-mail address like name@agency.org.' : undefined;
      return diagnostic('schema', 'error', `${what}: ${where} is not a valid ${fmt}: ${describe(got)}`, at(err.instancePath), hint);
    }
    case 'pattern': {
      const desc = (err.parentSchema as { description?: string }).description;
      return diagnostic('schema', 'error', `${what}: ${where} is not in the expected form: ${describe(valueAt(data, err.instancePath))}`, at(err.instancePath), desc ?? `It must match ${(err.params as { pattern: string }).pattern}.`);
    }
    case 'const': {
      // A oneOf of one fixed value and one type (a profile's `required: all | [1, 2]`,
      // `generated: signatures | true`): `validateWith` folds the type branch in as `alsoType`.
      const { allowedValue, alsoType } = err.params as { allowedValue: unknown; alsoType?: string };
      const forms = [JSON.stringify(allowedValue), ...(alsoType ? [alsoType] : [])].join(' or ');
      return diagnostic('schema', 'error', `${what}: ${where} must be ${forms}, not ${describe(valueAt(data, err.instancePath))}`, at(err.instancePath), `Write ${forms} here.`);
    }
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      return diagnostic('schema', 'error', `${what}: ${where} must not be empty`, at(err.instancePath), 'Fill it in, or remove the key if it is optional.');
    case 'uniqueItems':
      return diagnostic('schema', 'error', `${what}: ${where} lists the same value twice`, at(err.instancePath), 'Remove the repeated entry.');
    case 'minimum':
    case 'maximum':
      return diagnostic('schema', 'error', `${what}: ${where} ${err.message ?? 'is out of range'}`, at(err.instancePath));
    default:
      return diagnostic('schema', 'error', `${what}: ${where} ${err.message ?? 'is not valid'}`, at(err.instancePath));
  }
}

/**
 * Validates `data` against `schemas/<schema>.schema.json` and returns diagnostics placed
 * at the offending key or value. `what` names the thing for the reader ("sop.yaml",
 * "front-matter").
 */
export function validateData(schema: string, data: unknown, positions: PositionMap, what: string): Diagnostic[] {
  const validate = validatorFor(schema);
  return validate ? validateWith(validate, data, positions, what) : [];
}

/**
 * A value that is neither the fixed value of a `const` branch nor of the type of its other
 * branch gets one message naming both forms (`must be "all" or a list`), not two; when the
 * value took the type's form and failed deeper (`[1, "x"]`), only the deeper error is kept.
 */
function foldConstAndType(errors: ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const e of errors) {
    if (e.keyword === 'const') {
      if (errors.some((o) => o.instancePath.startsWith(`${e.instancePath}/`))) continue;
      const t = errors.find((o) => o.keyword === 'type' && o.instancePath === e.instancePath);
      const want = t && String((t.params as { type: string | string[] }).type).split(',').map((x) => TYPE_NAMES[x] ?? x).join(' or ');
      out.push(want ? { ...e, params: { ...e.params, alsoType: want } } : e);
    } else if (e.keyword === 'type' && errors.some((o) => o.keyword === 'const' && o.instancePath === e.instancePath && !errors.some((d) => d.instancePath.startsWith(`${e.instancePath}/`)))) {
      continue;
    } else out.push(e);
  }
  return out;
}

/** `validateData` with a given validator (the tests run generated and compiled ones side by side). */
export function validateWith(validate: ValidateFunction, data: unknown, positions: PositionMap, what: string): Diagnostic[] {
  if (validate(data)) return [];
  let errors = validate.errors ?? [];
  // oneOf/anyOf failures repeat what their branches said; keep the branches' errors,
  // and for "null or object" unions drop the "must be null" branch.
  const specific = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  if (specific.length) errors = specific;
  errors = errors.filter((e) => !(e.keyword === 'type' && (e.params as { type: string }).type === 'null' && errors.some((o) => o !== e && o.instancePath.startsWith(e.instancePath))));
  errors = errors.filter((e) => !(e.keyword === 'type' && (e.params as { type: string }).type === 'string' && errors.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword !== 'type')));
  errors = foldConstAndType(errors);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    const d = toDiagnostic(e, data, positions, what);
    const key = `${d.line}:${d.column}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
