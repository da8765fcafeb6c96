export interface Timed {
  readonly wall: number
  readonly cpu: number
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}
/** Runs `command` with `args` to its end: wall and CPU milliseconds, exit status and output. */
export declare const timeProcess: (
  command: string,
  args: ReadonlyArray<string>,
  options?: import("node:child_process").SpawnSyncOptions,
) => Timed
export declare const median: (xs: ReadonlyArray<number>) => number
export declare const round1: (x: number) => number
export interface Line {
  readonly name: string
  readonly unit: string
  readonly value: number
  readonly baseline: number | null
  readonly ratio: number | null
  readonly target: string | null
  readonly ok: boolean | null
}
/** Prints one line of the benchmarks' JSON shape, numbers rounded. */
export declare const line: (l: Line) => void
/**
 * Interleaved in-process rounds: each pass runs three times outside the
 * clock, then once per round in turn (A, B, A, B…). Returns each pass's
 * rates, items per second by wall and by CPU time, one per round.
 */
export declare const interleavedRates: (
  passes: ReadonlyArray<readonly [string, () => unknown]>,
  rounds: number,
  items: number,
) => Map<string, { readonly wall: Array<number>; readonly cpu: Array<number> }>
