// The problem shape alone, with no code: the error class and the schema
// flattener both need it, and neither may import the other.
import type { Bilingual } from "./text.js"

/**
 * The one problem shape of the monorepo: what is wrong (`code`), where (a
 * JSON pointer, and the same place as keys when known), in which file and on
 * which line when there is one, and the message in both languages. Packages
 * extend it with their own fields and narrow `code` to their own codes.
 */
export interface Problem {
  /** What kind of problem it is; tools match on the code, people read the message. */
  readonly code: string
  /** Where, as a JSON pointer (RFC 6901): `/offerings/3/limits`; `""` for the whole document or file. */
  readonly pointer: string
  /** The same place as keys and indexes, when the problem was found in a value rather than a text. */
  readonly path?: ReadonlyArray<string | number>
  /** The file, relative to where it was loaded from, when the problem is in one. */
  readonly file?: string
  /** The line in the file, counted from 1. */
  readonly line?: number
  readonly message: Bilingual
}

/** A problem found in a value: its place as keys and indexes is always known. */
export interface PathProblem extends Problem {
  readonly path: ReadonlyArray<string | number>
}

/**
 * A problem whose `path`, if any, a package keeps in its own form (the
 * catalogue's `offerings[3].limits` text): what formatting, redaction and
 * the error class need.
 */
export type Located = Omit<Problem, "path"> & { readonly path?: unknown }
