// Duplicate ids are reported as what they are, and never surface as a wrong
// violation of the model's rules downstream.
import { describe, expect, it } from "vitest"
import { Invariants } from "../../src/index.js"
import { policy } from "../fixturePolicy.js"
import { mutable, tinyYear } from "../fixtures.js"

const codes = (d: Parameters<typeof Invariants.check>[0]) =>
  Invariants.check(d, { policy }).map((v) => `${v.code} @ ${v.path}`)

describe("integrity", () => {
  it("a duplicated enrollment id is a duplicate-id problem on each copy, not 'too many extensions'", () => {
    const d = mutable(tinyYear())
    const e = d.enrollments.find((x: { extension?: unknown; id: string }) =>
      d.extensions.some((x2: { enrollmentId: string }) => x2.enrollmentId === x.id),
    )
    expect(e).toBeDefined()
    const copyAt = d.enrollments.length
    const extension = d.extensions.find((x: { enrollmentId: string }) => x.enrollmentId === e.id)
    // A second enrollment under the same id, with its own extension.
    d.enrollments.push({ ...e })
    d.extensions.push({ ...extension, id: `${extension.id}-b` })
    const found = codes(d)
    const first = d.enrollments.findIndex((x: { id: string }) => x.id === e.id)
    expect(found).toEqual([`duplicate-id @ enrollments[${first}].id`, `duplicate-id @ enrollments[${copyAt}].id`])
    expect(found.some((c) => c.startsWith("too-many-extensions"))).toBe(false)
    const [v] = Invariants.check(d, { policy })
    expect(v?.message.nb).toContain("brukes av 2 poster i enrollments")
  })

  it("every kind of reference is checked: referrals, staff in lists, sessions, optional links", () => {
    const d = mutable(tinyYear())
    d.jointMeetings[0].referralId = "r-missing"
    d.sessions[0].staffIds = ["s-team", "s-gone"]
    d.attendance[0].sessionId = "x-missing"
    d.extensions[0].enrollmentId = "n-missing"
    expect(codes(d).filter((c) => c.startsWith("unknown-reference"))).toEqual([
      "unknown-reference @ jointMeetings[0].referralId",
      "unknown-reference @ sessions[0].staffIds[1]",
      "unknown-reference @ attendance[0].sessionId",
      "unknown-reference @ extensions[0].enrollmentId",
    ])
  })

  it("with the loaders' lines, a violation names the line its record starts on", () => {
    const d = mutable(tinyYear())
    d.extensions[0].enrollmentId = "n-missing"
    const lines = { extensions: d.extensions.map((_: unknown, i: number) => 10 + 3 * i) }
    const v = Invariants.check(d, { policy, lines }).find((x) => x.path === "extensions[0].enrollmentId")
    expect(v?.line).toBe(10)
    expect(Invariants.check(d, { policy }).find((x) => x.path === "extensions[0].enrollmentId")?.line).toBeUndefined()
  })

  it("an identity number used as a record id never appears in a violation", () => {
    const d = mutable(tinyYear())
    d.offerings[1].priceNok = 50
    d.offerings[1].id = "010190 12345"
    const text = JSON.stringify(Invariants.check(d, { policy }))
    expect(text).not.toContain("010190 12345")
    expect(text).toContain("***********")
  })
})
