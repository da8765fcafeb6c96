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
