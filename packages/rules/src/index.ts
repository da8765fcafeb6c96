/**
 * @aktivitetsmodell/rules — eligibility, duration and escalation in Sandnes
 * Mestringsenheten's activity model (decided 2023-03-09) as dated, data-only
 * rule files in json-rules-engine's format, with decisions explained in
 * Norwegian bokmål and English, and a compiled fast path for batches.
 * Browser-safe: reading a tree from disk lives in `@aktivitetsmodell/rules/node`.
 *
 * @example
 * import { Decision, Explain, PolicyTree } from "@aktivitetsmodell/rules"
 * const tree = PolicyTree.loadOrThrow(files)
 * const result = Decision.decide(tree, subject, "2024-03-01")
 * console.log(Explain.decisions(result, "nb"))
 *
 * @module
 */
export * as CaseFile from "./CaseFile.js"
export * as Cases from "./Cases.js"
export * as Compile from "./Compile.js"
export * as Coverage from "./Coverage.js"
export * as DatasetSubjects from "./DatasetSubjects.js"
export * as Decision from "./Decision.js"
export * as Engine from "./Engine.js"
export * as Evaluate from "./Evaluate.js"
export * as Explain from "./Explain.js"
export * as Facts from "./Facts.js"
export * as Impact from "./Impact.js"
export * as InForce from "./InForce.js"
export * as JsonSchema from "./JsonSchema.js"
export * as Operators from "./Operators.js"
export * as Outcome from "./Outcome.js"
export * as Parameters from "./Parameters.js"
export * as PeriodLength from "./PeriodLength.js"
export * as PolicyTree from "./PolicyTree.js"
export * as Problem from "./Problem.js"
export { PolicyError } from "./Problem.js"
export * as Receipt from "./Receipt.js"
export * as Records from "./Records.js"
export * as RuleFile from "./RuleFile.js"
export { ArgumentError, RulesError } from "./RulesError.js"
export * as Snapshot from "./Snapshot.js"
export * as Source from "./Source.js"
export * as Subject from "./Subject.js"
export * as SubjectFacts from "./SubjectFacts.js"
export * as Validate from "./Validate.js"
