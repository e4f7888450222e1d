/**
 * Makes V8 optimise only the JavaScript that stays hot (a larger interrupt budget).
 *
 * Why: a PDF build is a short, cold process that runs a lot of different code once or a
 * few times (micromark, the layout, pdf-lib, zlib glue). With V8's default budget many of
 * those functions get hot just long enough to be sent to the optimising compiler, whose
 * jobs run on background threads: during the layout of the 40-page bench SOP the process
 * used ~1.0 s of CPU for ~0.4 s of main-thread work. On a 2-core machine those compiles
 * compete with the build itself and mostly finish too late to pay off. Eight times the
 * budget (512 KB of bytecode executed per tier-up tick, Node 20's default is 66 KB) keeps
 * the truly hot loops optimised and drops most of the rest: whole-process CPU of
 * `bench/sopkit-pdfs.mjs` on the bench corpus 1.65 → 1.15 s user, same bytes.
 *
 * Process-wide, like ./wasm-tiering.ts, and imported by ./hb.ts so it runs before the
 * layout code is first called (a function's budget is fixed when its feedback is first
 * allocated). Output is the same either way: the flag changes which machine code runs,
 * never results. Set SOPKIT_JS_TIERING=1 to keep V8's default (for comparing).
 */
import { setFlagsFromString } from 'node:v8';

if (process.env.SOPKIT_JS_TIERING !== '1') setFlagsFromString('--interrupt-budget=524288');
