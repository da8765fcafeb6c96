// json-rules-engine's guard for the numeric operators, verbatim: the fact
// value must parse as a number ("2023-03-09" does, so ISO dates compare as
// text). Kept apart from Operators.numeric so hot paths skip the boundary.
export const isNumeric = (a: unknown): boolean => Number.parseFloat(a as string).toString() !== "NaN"
