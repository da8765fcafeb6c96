/**
 * Bilingual problems from Effect Schema issues: the field path, a JSON
 * pointer, and what was expected in English and Norwegian bokmål. The same
 * wording the catalogue and batch loaders use, for other packages' loaders.
 *
 * @module
 */
export {
  /**
   * `["offerings", 3, "limits"]` → `offerings[3].limits`.
   * @category constructors
   */
  formatPath,
  /**
   * `["offerings", 3, "limits"]` → `/offerings/3/limits` (RFC 6901).
   * @category constructors
   */
  jsonPointer,
  type Problem,
  /**
   * Flattens a schema issue into problems with paths and bilingual messages.
   * @example
   * const r = Schema.decodeUnknownResult(Referral.Referral)(input, { errors: "all" })
   * if (Result.isFailure(r)) Problems.of(r.failure.issue)
   * @category constructors
   */
  problemsOf as of,
} from "./internal/issues.js"
