// json-rules-engine's guard for the numeric operators, verbatim: the fact
// value must parse as a number ("2023-03-09" does, so ISO dates compare as
// text). Kept apart from Operators.numeric so hot paths skip the boundary.
// null, undefined and booleans parse as NaN; answering them first spares the
// hot paths a string for each unknown fact.
export const isNumeric = (a: unknown): boolean =>
  a !== null && a !== undefined && typeof a !== "boolean" && Number.parseFloat(a as string).toString() !== "NaN"
