import { describe, expect, it } from "vitest"
import { type Condition, fold, leftRef, refsOf } from "../../src/internal/condition.js"

const a = { fact: "age", operator: "lessThan", value: 18 } as const
const b = { fact: "fitOrs", operator: "lessThan", value: { fact: "parameter", params: { name: "fit.ors-cutoff" } } }
const tree: Condition = { all: [a, { any: [{ not: b }, a] }] }

const show = {
  all: (xs: Array<string>) => `all(${xs.join(",")})`,
  any: (xs: Array<string>) => `any(${xs.join(",")})`,
  not: (x: string) => `not(${x})`,
  leaf: (l: { readonly fact: string }) => l.fact,
}

describe("fold", () => {
  it("visits every node bottom-up, children in document order", () => {
    expect(fold(tree, show, undefined)).toBe("all(age,any(not(fitOrs),age))")
  })

  it("gives tooDeep past the depth limit instead of visiting, so a cyclic tree ends", () => {
    const cyclic: { not: Condition } = { not: a }
    cyclic.not = cyclic
    expect(fold(cyclic, show, undefined, { depth: 2, tooDeep: () => "…" })).toBe("not(not(not(…)))")
    expect(fold(tree, show, undefined, { depth: 3, tooDeep: () => "…" })).toBe(fold(tree, show, undefined))
  })
})

describe("refsOf", () => {
  it("lists each comparison's fact, then its right-hand reference", () => {
    expect(refsOf(tree)).toEqual([{ fact: "age" }, { fact: "fitOrs" }, b.value, { fact: "age" }])
  })

  it("keeps a parameter's name on the left-hand side", () => {
    expect(leftRef({ fact: "parameter", operator: "equal", value: 1, params: { name: "x" } })).toEqual({
      fact: "parameter",
      params: { name: "x" },
    })
  })
})
