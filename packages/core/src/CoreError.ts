/**
 * The error core throws at its public boundary when a call cannot be carried
 * out: a wrong-typed argument, an unknown name. Bad data in records is never
 * an error: it comes back as rejections, problems or violations. The message
 * is bilingual and never shows a national identity number.
 *
 * @module
 */

import type { Bilingual } from "./internal/text.js"
import { ProblemsError } from "./ProblemsError.js"

/**
 * A call that core could not carry out, with a stable `code` and a message in
 * English and bokmål. A `ProblemsError` with no problems: the fault is in the
 * call, not in data.
 * @example
 * try { IsoDate.addDays(null as never, 1) } catch (e) { if (e instanceof CoreError) e.nb }
 * @category models
 */
export class CoreError extends ProblemsError {
  override readonly name: string = "CoreError"
  constructor(
    readonly code: "invalid-argument" | "unknown-name" | "missing-parameter",
    message: Bilingual,
  ) {
    super([], message)
  }
}
