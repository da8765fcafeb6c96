/**
 * The package's errors. Everything `@aktivitetsmodell/rules` throws is a
 * {@link RulesError}: its text is in English and bokmål, and it has passed
 * through core's redaction, so an identity number in the input never reaches
 * a log through an error. {@link ArgumentError} is what a public function
 * throws when it is called with an argument of the wrong type or shape.
 *
 * @module
 */
import type { Bilingual } from "@aktivitetsmodell/core"
import { Redact } from "@aktivitetsmodell/core"

/**
 * Any value as text for an error, without throwing: an object whose
 * conversion throws becomes its type's name. Building an error must never throw.
 */
export const textOf = (u: unknown): string => {
  try {
    return typeof u === "string" ? u : String(u)
  } catch {
    return typeof u
  }
}

const safeText = (s: unknown): string => {
  try {
    return Redact.text(textOf(s))
  } catch {
    return ""
  }
}

const safeBilingual = (text: unknown): Bilingual => {
  try {
    const t = text as { en?: unknown; nb?: unknown } | null | undefined
    return { en: safeText(t?.en), nb: safeText(t?.nb) }
  } catch {
    return { en: "", nb: "" }
  }
}

/**
 * The base of every error this package throws: `text` in both languages,
 * `message` as "English / bokmål" (or a longer listing a subclass gives).
 * @example
 * try { Decision.decide(tree, subject, "1 March") } catch (e) { if (e instanceof RulesError) console.error(e.text.nb) }
 * @category models
 */
export class RulesError extends Error {
  override readonly name: string = "RulesError"
  readonly text: Bilingual

  constructor(text: Bilingual, message?: string) {
    const t = safeBilingual(text)
    super(message === undefined ? `${t.en} / ${t.nb}` : safeText(message))
    this.text = t
  }

  /** The English text. */
  get en(): string {
    return this.text.en
  }

  /** The bokmål text. */
  get nb(): string {
    return this.text.nb
  }
}

/**
 * Thrown when a public function gets an argument of the wrong type or shape:
 * `null` for a tree, a number for a date, an object whose getter throws, a
 * cyclic object. Names the function and what it expected; never echoes the value.
 * @example
 * try { Decision.decide(null as never, subject, "2024-03-01") } catch (e) { if (e instanceof ArgumentError) e.functionName // "Decision.decide" }
 * @category models
 */
export class ArgumentError extends RulesError {
  override readonly name: string = "ArgumentError"

  /** The public function that was called, such as `Decision.decide`. */
  readonly functionName: string

  constructor(functionName: string, text: Bilingual) {
    super(text)
    this.functionName = typeof functionName === "string" ? functionName : ""
  }
}
