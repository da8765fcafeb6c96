/**
 * A municipality (kommune), named by its four-digit municipality number
 * (kommunenummer, such as `1108`): the dimension that lets one dataset, or
 * one folder of tables, hold several municipalities.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { filter } from "./internal/checks.js"
import { isMunicipalityNumber, municipalityPattern as pattern } from "./internal/municipalityNumber.js"

/**
 * A municipality number: exactly four digits, kept as text so that a leading
 * zero (`0301`) survives every file format.
 * @example
 * Schema.decodeUnknownSync(Municipality.MunicipalityNumber)("1108")
 * @category schemas
 */
export const MunicipalityNumber = Schema.String.check(
  filter<string>(
    (s) => pattern.test(s),
    {
      en: "Expected a municipality number of four digits (such as 1108)",
      nb: "Forventet et kommunenummer med fire sifre (som 1108)",
    },
    { toJsonSchema: () => ({ pattern: pattern.source }) },
  ),
).annotate({ identifier: "MunicipalityNumber", title: "Municipality number (kommunenummer)" })
/** @category models */
export type MunicipalityNumber = typeof MunicipalityNumber.Type

/**
 * Whether a value is a municipality number, without decoding: for the
 * schema-free paths (table builders, file layouts).
 * @example
 * Municipality.isNumber("0301") // true
 * Municipality.isNumber("301") // false
 * @category predicates
 */
export const isNumber = (u: unknown): u is MunicipalityNumber => isMunicipalityNumber(u)
