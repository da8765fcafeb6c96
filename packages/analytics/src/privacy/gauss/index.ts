/**
 * Secondary cell suppression by Gaussian elimination, a TypeScript port of
 * Statistics Norway's GaussSuppression (R packages GaussSuppression and
 * SSBtools). See ./GaussSuppression.ts for the algorithm.
 *
 * @module
 */
export { type CandidateOptions, candidatesDefault } from "./Candidates.js"
export * as CrossTable from "./CrossTable.js"
export { derivable, Span } from "./Derivable.js"
export {
  type CellSelection,
  gaussSuppression,
  type Options,
  type Result,
  runGaussSuppression,
  type SingletonMethod,
} from "./GaussSuppression.js"
export type { Column, ModelMatrix as Matrix } from "./ModelMatrix.js"
export * as ModelMatrix from "./ModelMatrix.js"
export { type FrequencyRule, primaryDefault, singletonDefault } from "./Primary.js"
export { type SmallCountInput, type SmallCountResult, suppressSmallCounts } from "./SuppressSmallCounts.js"
