// The fast decoder calls a filter's registered predicate instead of running
// the filter through Effect. For every filter of the model that has one, on
// any value, the predicate passes exactly the values the filter passes.
import type * as SchemaAST from "effect/SchemaAST"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Dataset } from "../../src/Dataset.js"
import { checkerOf } from "../../src/internal/fastDecode.js"
import { predicateOf } from "../../src/internal/predicates.js"

const runs = Number(process.env.FUZZ_RUNS ?? 1000)

type Check = NonNullable<SchemaAST.AST["checks"]>[number]

// Every filter in the Dataset schema, with the node it checks.
const filters = (): Array<{ readonly check: Check; readonly ast: SchemaAST.AST }> => {
  const out: Array<{ check: Check; ast: SchemaAST.AST }> = []
  const seen = new Set<SchemaAST.AST>()
  const walk = (ast: SchemaAST.AST): void => {
    if (seen.has(ast)) return
    seen.add(ast)
    const add = (checks: ReadonlyArray<Check>) => {
      for (const c of checks) c._tag === "FilterGroup" ? add(c.checks) : out.push({ check: c, ast })
    }
    add(ast.checks ?? [])
    if (ast._tag === "Objects") for (const p of ast.propertySignatures) walk(p.type)
    if (ast._tag === "Arrays") for (const e of [...ast.elements, ...ast.rest]) walk(e)
    if (ast._tag === "Union") for (const t of ast.types) walk(t)
  }
  walk(Dataset.ast)
  return out
}

const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    "2024-02-29",
    "2023-02-29",
    "2024-13-01",
    "n-2024-00001",
    "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    " ",
    "",
  ),
  fc.constantFrom("psykisk-helse", "a--b", "-a", "2024-03", "2024-00", "1108", "102", "77-93"),
  fc.integer({ min: -10, max: 3000 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 0.5, 1900, 2100, 40, 1_000_000),
)

describe("registered filter predicates", () => {
  const registered = filters().filter(({ check }) => predicateOf(check) !== undefined)

  it("cover the model's filters on strings and numbers", () => {
    expect(checkerOf(Dataset.ast, true)).toBeDefined()
    // Each of these is tested on every field of every record of a year.
    expect(registered.length).toBeGreaterThanOrEqual(20)
  })

  it("pass exactly what the filter passes (property)", () => {
    const options = { errors: "first" } as never
    fc.assert(
      fc.property(fc.constantFrom(...registered), value, ({ check, ast }, u) => {
        // Effect runs a filter only on a value of the node's type.
        const typed =
          (ast._tag === "String" && typeof u === "string") || (ast._tag === "Number" && typeof u === "number")
        if (!typed) return
        const passes = check._tag === "Filter" && check.run(u as never, ast, options) === undefined
        expect(predicateOf(check)!(u as never) === true).toBe(passes)
      }),
      { numRuns: runs },
    )
  })
})
