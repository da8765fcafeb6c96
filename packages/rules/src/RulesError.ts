/**
 * The package's errors. Everything `@aktivitetsmodell/rules` throws is a
 * {@link RulesError}: its text is in English and bokmål, and it has passed
 * through core's redaction, so an identity number in the input never reaches
 * a log through an error. {@link ArgumentError} is what a public function
 * throws when it is called with an argument of the wrong type or shape.
 *
 * @module
 */
import { type Bilingual, type Problems, ProblemsError } from "@aktivitetsmodell/core"

/**
 * The base of every error this package throws, and a core
 * `Problems.ProblemsError`: `text` in both languages, `problems` when the
 * error is about data (a policy tree, a subject), `message` as
 * "English / bokmål" or a longer listing a subclass gives.
 * @example
 * try { Decision.decide(tree, subject, "1 March") } catch (e) { if (e instanceof RulesError) console.error(e.text.nb) }
 * @category models
 */
export class RulesError<P extends Problems.Located = Problems.Located> extends ProblemsError<P> {
  override readonly name: string = "RulesError"

  /**
   * @param text What failed, in both languages.
   * @param message The error's `message`, when it should say more than the text.
   * @param problems Every problem found, when the error is about data.
   */
  constructor(text: Bilingual, message?: string, problems: ReadonlyArray<P> = []) {
    super(problems, text, message)
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
