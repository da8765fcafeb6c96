// Whether a condition's right-hand side names a fact (or a parameter)
// rather than a literal. `RuleFile.isFactRef` is this test behind the public
// boundary; the evaluator uses this one, which imports no schema, so the
// browser's `decide` entry does not load the rule-file decoder.
import type { FactRef, Literal } from "../RuleFile.js"

/** True for `{ "fact": … }` on a condition's right-hand side. */
export const isRef = (v: Literal | FactRef): v is FactRef => typeof v === "object" && v !== null && !Array.isArray(v)
