/**
 * The error core throws at its public boundary when a call cannot be carried
 * out: a wrong-typed argument, an unknown name. Bad data in records is never
 * an error: it comes back as rejections, problems or violations. The message
 * is bilingual and never shows a national identity number.
 *
 * @module
 */
import type { Bilingual } from "./internal/text.js"
import * as Redact from "./Redact.js"

/**
 * A call that core could not carry out, with a stable `code` and a message in
 * English and bokmål.
 * @example
 * try { IsoDate.addDays(null as never, 1) } catch (e) { if (e instanceof CoreError) e.nb }
 * @category models
 */
export class CoreError extends Error {
  readonly _tag = "CoreError"
  readonly en: string
  readonly nb: string
  constructor(
    readonly code: "invalid-argument" | "unknown-name" | "missing-parameter",
    message: Bilingual,
  ) {
    const en = Redact.text(message.en)
    const nb = Redact.text(message.nb)
    super(`${en} / ${nb}`)
    this.en = en
    this.nb = nb
    this.name = "CoreError"
  }
}
