/** Why the packages need a build (a sentence), or undefined when dist/ is up to date. */
export declare const staleReason: () => string | undefined
/** Runs `npm run build` when dist/ is missing or stale; the milliseconds it took, 0 when nothing was built. */
export declare const buildIfStale: (say?: (line: string) => void) => number
