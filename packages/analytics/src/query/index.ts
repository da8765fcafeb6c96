/**
 * Engine-neutral indicator queries: the descriptions, their compilers to
 * arquero and SQL, the SQL dialects, and the indicators written by hand in
 * SQL beside their arquero code.
 *
 * @module
 */
export type { Aggregate, Condition, Days, Derived, Latest, Literal, Operator, Part, Query } from "./Query.js"
export * as Schema from "./Schema.js"
export * as Dialect from "./dialect.js"
export { definitions, type DescribedId } from "./definitions.js"
export { toArquero } from "./arquero.js"
export { toSql } from "./sql.js"
export { type HandWritten, handWritten, handWrittenSql } from "./HandWritten.js"
