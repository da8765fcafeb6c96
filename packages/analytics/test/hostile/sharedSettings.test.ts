// Settings the package shares with every caller cannot be changed by one of
// them: a dependency that set the default rule to { min: 0, max: 0 } would
// turn suppression off for everyone who relies on the default.
import { describe, expect, it } from "vitest"
import { Dimension, Profile, Query, Suppression } from "../../src/index.js"

const settings: ReadonlyArray<[string, object]> = [
  ["Suppression.defaultRule", Suppression.defaultRule],
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

  it("the default rule cannot be switched off, and suppression still hides 1–4", () => {
    expect(() => {
      ;(Suppression.defaultRule as { max: number }).max = 0
    }).toThrow(TypeError)
    expect(() => {
      ;(Dimension.labels.offering as { nb: string }).nb = "01019012345"
    }).toThrow(TypeError)
    expect(Suppression.defaultRule).toEqual({ min: 1, max: 4 })
  })
})
