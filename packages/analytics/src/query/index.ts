/**
 * Engine-neutral indicator queries: the descriptions, their compilers to
 * arquero and SQL, the SQL dialects, and the indicators written by hand in
 * SQL beside their arquero code.
 *
 * @module
 */

export { toArquero } from "./arquero.js"
export { type DescribedId, definitions } from "./definitions.js"
export * as Dialect from "./dialect.js"
export { type HandWritten, handWritten, handWrittenSql } from "./HandWritten.js"
export type { Aggregate, Condition, Days, Derived, Latest, Literal, Operator, Part, Query } from "./Query.js"
export * as Schema from "./Schema.js"
export { toSql } from "./sql.js"
