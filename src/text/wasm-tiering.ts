/**
 * Keeps HarfBuzz's WebAssembly on V8's baseline compiler (Liftoff).
 *
 * Why: with V8's default dynamic tiering, HarfBuzz's large shaping and subsetting
 * functions get hot within a few paragraphs and are recompiled by TurboFan on background
 * threads. On a 2-core machine that compile competes with the layout for the CPU and, for
 * a 40-page document, costs more than it ever saves: `node --liftoff-only` built the bench
 * corpus in 1.33 s instead of 1.57 s (bench/pdf.mjs, docs/bench.md). Output bytes are the
 * same either way (the flag changes machine code, not results).
 *
 * This module must be imported before `harfbuzzjs` (which compiles its wasm on import):
 * flags set after that would not reach the already-compiled module. Setting V8 flags at
 * run time is allowed for flags like this one that only steer the compilers; set
 * SOPKIT_WASM_TIERING=1 to keep V8's default (for comparing).
 */
import { setFlagsFromString } from 'node:v8';

if (process.env.SOPKIT_WASM_TIERING !== '1') setFlagsFromString('--liftoff-only');
