// Settings the package shares with every caller cannot be changed by one of
// them: a dependency that rewrote a dimension's labels would change every
// caller's tables. Suppression has no default range to switch off: it takes
// the policy's, from each caller.
import { describe, expect, it } from "vitest"
import { Dimension, Profile, Query, Suppression } from "../../src/index.js"

const settings: ReadonlyArray<[string, object]> = [
  ["Dimension.labels", Dimension.labels],
  ["Profile.names", Profile.names],
  ["Query.definitions", Query.definitions],
]

describe("shared settings", () => {
  it.each(settings)("%s is frozen all the way down", (_, value) => {
    const all = (x: unknown): boolean =>
      typeof x !== "object" ||
      x === null ||
      (Object.isFrozen(x) && Reflect.ownKeys(x).every((k) => all((x as Record<PropertyKey, unknown>)[k])))
    expect(all(value)).toBe(true)
  })

  it("a label cannot be rewritten, and suppression takes its range from the caller, never a default", () => {
    expect(() => {
      ;(Dimension.labels.offering as { nb: string }).nb = "01019012345"
    }).toThrow(TypeError)
    expect("defaultRule" in Suppression).toBe(false)
    const grid = { cells: [[3, 10]], columnTotals: [3, 10] }
    expect(() => Suppression.suppress(grid, undefined as unknown as Suppression.Rule)).toThrow(
      /Profile\.strictFrom\(policy, date\)/u,
    )
    expect(Suppression.suppress(grid, { min: 1, max: 4 }).states[0]?.[0]).toBe("primary")
  })
})
