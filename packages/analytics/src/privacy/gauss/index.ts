/**
 * Secondary cell suppression by Gaussian elimination, a TypeScript port of
 * Statistics Norway's GaussSuppression (R packages GaussSuppression and
 * SSBtools). See ./GaussSuppression.ts for the algorithm.
 *
 * @module
 */
export { candidatesDefault, type CandidateOptions } from "./Candidates.js"
export * as CrossTable from "./CrossTable.js"
export { derivable, Span } from "./Derivable.js"
export { gaussSuppression, runGaussSuppression, type CellSelection, type Options, type Result, type SingletonMethod } from "./GaussSuppression.js"
export * as ModelMatrix from "./ModelMatrix.js"
export type { ModelMatrix as Matrix, Column } from "./ModelMatrix.js"
export { primaryDefault, singletonDefault, type FrequencyRule } from "./Primary.js"
export { suppressSmallCounts, type SmallCountInput, type SmallCountResult } from "./SuppressSmallCounts.js"
