// An independent reference for the property and exactness tests.
import { type ModelMatrix, Span } from "../../../src/privacy/gauss/index.js"

/**
 * GaussSuppression's rule without singletons, evaluated naively with the
 * rational span of ../../../src/privacy/gauss/Derivable.ts (which shares no
 * code with the elimination): publish each candidate in turn unless the
 * published cells together with it would make some primary cell a linear
 * combination of published cells.
 */
export const greedyReference = (
  x: ModelMatrix.ModelMatrix,
  primary: ReadonlyArray<number>,
  candidates: ReadonlyArray<number>,
): Array<number> => {
  const span = new Span(x)
  const secondary: Array<number> = []
  for (const c of candidates) {
    if (primary.includes(c)) continue
    const trial = span.clone()
    trial.add(c)
    if (primary.some((p) => trial.contains(p))) secondary.push(c)
    else span.add(c)
  }
  return secondary
}
