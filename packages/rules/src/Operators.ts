/**
 * The comparison operators a rule file may use: json-rules-engine's ten
 * built-in operators, with exactly its semantics, and nothing else. Rule files
 * can never bring their own operators or decorators, so no code comes from a file.
 *
 * @module
 */
import type { Bilingual } from "@aktivitetsmodell/core"
import { guard } from "./internal/boundary.js"
import { isNumeric } from "./internal/numeric.js"

/**
 * The names of the supported operators.
 * @example
 * Operators.names.includes("lessThan") // true
 * @category models
 */
export const names = [
  "equal",
  "notEqual",
  "in",
  "notIn",
  "contains",
  "doesNotContain",
  "lessThan",
  "lessThanInclusive",
  "greaterThan",
  "greaterThanInclusive",
] as const

/** @category models */
export type OperatorName = (typeof names)[number]

/**
 * True for a supported operator name.
 * @example
 * Operators.isOperator("before") // false
 * @category predicates
 */
export const isOperator = (s: string): s is OperatorName => (names as ReadonlyArray<string>).includes(s)

/**
 * json-rules-engine's guard for the numeric operators, verbatim: the fact
 * value must parse as a number ("2023-03-09" does, so ISO dates compare as text).
 * @example
 * Operators.numeric("2023-03-09") // true
 * @category predicates
 */
export const numeric = guard(
  "Operators.numeric",
  { en: "(value: unknown)", nb: "(value: unknown)" },
  (a: unknown): boolean => isNumeric(a),
)

/**
 * What an operator wants on each side, which the validator checks:
 * `scalar` compares one value, `ordered` needs a number or date fact,
 * `member` a list on the right, `list` a list fact on the left.
 * @category models
 */
export type Shape = "scalar" | "ordered" | "member" | "list"

/**
 * One operator: how it tests, what it wants, and how it reads in plain language.
 * @category models
 */
export interface Operator {
  readonly name: OperatorName
  readonly shape: Shape
  readonly test: (fact: unknown, value: unknown) => boolean
  readonly phrase: Bilingual
  /** How the operator reads when both sides are dates. */
  readonly datePhrase?: Bilingual
}

const indexOf = (xs: unknown, x: unknown): number => (xs as ReadonlyArray<unknown>).indexOf(x)
// Casts only: JavaScript's own comparison runs, as in json-rules-engine.
const lt = (a: unknown, b: unknown) => (a as number) < (b as number)
const le = (a: unknown, b: unknown) => (a as number) <= (b as number)
const gt = (a: unknown, b: unknown) => (a as number) > (b as number)
const ge = (a: unknown, b: unknown) => (a as number) >= (b as number)

/**
 * Every operator by name. `test` reproduces json-rules-engine 7's default
 * operator exactly, including its validators (`contains` needs an array fact,
 * the numeric ones a fact that parses as a number).
 * @example
 * Operators.all.in.test("rpha", ["rpha", "psykisk-helse"]) // true
 * @category models
 */
export const all: { readonly [K in OperatorName]: Operator & { readonly name: K } } = {
  equal: { name: "equal", shape: "scalar", test: (a, b) => a === b, phrase: { en: "is", nb: "er" } },
  notEqual: { name: "notEqual", shape: "scalar", test: (a, b) => a !== b, phrase: { en: "is not", nb: "er ikke" } },
  in: { name: "in", shape: "member", test: (a, b) => indexOf(b, a) > -1, phrase: { en: "is one of", nb: "er én av" } },
  notIn: {
    name: "notIn",
    shape: "member",
    test: (a, b) => indexOf(b, a) === -1,
    phrase: { en: "is none of", nb: "er ingen av" },
  },
  contains: {
    name: "contains",
    shape: "list",
    test: (a, b) => Array.isArray(a) && a.indexOf(b) > -1,
    phrase: { en: "contains", nb: "inneholder" },
  },
  doesNotContain: {
    name: "doesNotContain",
    shape: "list",
    test: (a, b) => Array.isArray(a) && a.indexOf(b) === -1,
    phrase: { en: "does not contain", nb: "inneholder ikke" },
  },
  lessThan: {
    name: "lessThan",
    shape: "ordered",
    test: (a, b) => isNumeric(a) && lt(a, b),
    phrase: { en: "is less than", nb: "er mindre enn" },
    datePhrase: { en: "is before", nb: "er før" },
  },
  lessThanInclusive: {
    name: "lessThanInclusive",
    shape: "ordered",
    test: (a, b) => isNumeric(a) && le(a, b),
    phrase: { en: "is at most", nb: "er høyst" },
    datePhrase: { en: "is on or before", nb: "er til og med" },
  },
  greaterThan: {
    name: "greaterThan",
    shape: "ordered",
    test: (a, b) => isNumeric(a) && gt(a, b),
    phrase: { en: "is greater than", nb: "er større enn" },
    datePhrase: { en: "is after", nb: "er etter" },
  },
  greaterThanInclusive: {
    name: "greaterThanInclusive",
    shape: "ordered",
    test: (a, b) => isNumeric(a) && ge(a, b),
    phrase: { en: "is at least", nb: "er minst" },
    datePhrase: { en: "is on or after", nb: "er fra og med" },
  },
}
