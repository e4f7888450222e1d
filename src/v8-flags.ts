/**
 * How V8 compiles sopkit's code: set once, by the program (src/cli/launch.ts imports this
 * first), before any library is loaded. A sopkit command is a short, cold process on a
 * machine that may have two cores; V8's defaults are tuned for long-running programs.
 *
 * - `--liftoff-only`: HarfBuzz's WebAssembly stays on the baseline compiler. With dynamic
 *   tiering its large shaping and subsetting functions get hot within a few paragraphs and
 *   are recompiled by TurboFan on background threads; for a 40-page document that costs
 *   more than it saves (`node --liftoff-only` built the bench corpus in 1.33 s instead of
 *   1.57 s). Must be set before harfbuzzjs compiles its wasm (on import).
 * - `--interrupt-budget=524288` (8× Node 20's 66 KB): only JavaScript that stays hot is
 *   sent to the optimising compiler. With the default, many functions of micromark, the
 *   YAML parser, the layout and pdf-lib got hot just long enough to be compiled on the
 *   second core, mostly too late to pay: whole-process CPU of a PDF build of the bench
 *   corpus 1.65 → 1.15 s, a cold `check --no-layout` of the example 0.65 → 0.43 s.
 *
 * - `--expose-gc`: lets the build ask for a full collection between its steps
 *   (./collect-garbage.ts, which explains why). Set here, with the others, so that V8's
 *   flags are the same from start to end of a run: the code cache is checked against them.
 *
 * Output is the same either way (the flags change machine code, never results; tests
 * run without them). Setting V8 flags at run time is allowed for flags like these that
 * only steer the compilers. SOPKIT_WASM_TIERING=1 / SOPKIT_JS_TIERING=1 keep V8's
 * defaults, for comparing.
 */
import { setFlagsFromString } from 'node:v8';

if (process.env.SOPKIT_WASM_TIERING !== '1') setFlagsFromString('--liftoff-only');
if (process.env.SOPKIT_JS_TIERING !== '1') setFlagsFromString('--interrupt-budget=524288');
setFlagsFromString('--expose-gc');
