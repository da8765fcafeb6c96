import { describe, expect, it } from "vitest"
import { Operators } from "../src/index.js"

describe("Operators", () => {
  it("are json-rules-engine's ten built-ins and nothing else", () => {
    expect(Operators.names).toEqual([
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
    ])
    expect(Operators.isOperator("not:equal")).toBe(false)
    expect(Operators.isOperator("someFact:equal")).toBe(false)
  })

  it("keep the engine's guards: numbers for comparisons, a list for contains", () => {
    const { all } = Operators
    expect(all.lessThan.test("2023-03-08", "2023-03-09")).toBe(true)
    expect(all.lessThan.test("abc", "b")).toBe(false)
    expect(all.greaterThanInclusive.test(null, 0)).toBe(false)
    expect(all.greaterThan.test(Number.NaN, 0)).toBe(false)
    expect(all.contains.test("rpha", "rp")).toBe(false)
    expect(all.contains.test(["rpha"], "rpha")).toBe(true)
    expect(all.in.test("rpha", ["rpha", "psykisk-helse"])).toBe(true)
    expect(all.notIn.test(Number.NaN, [Number.NaN])).toBe(true)
    expect(all.equal.test(0, -0)).toBe(true)
  })
})
