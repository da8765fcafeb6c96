import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { CoreError, Crosswalk, KprCheck, Problems, Redact } from "../src/index.js"
import { generate } from "../src/synthetic/index.js"
import { policy } from "./fixturePolicy.js"
import { ids, mutable, tinyYear } from "./fixtures.js"

const stranger = "d0000000000000000000000000000004"

// tinyYear has four enrollments (rows 0–3), none in a reportable service;
// Aktivitetskontakt (KPR 9 Støttekontakt) is the one the crosswalk reports.
const withAktivitetskontakt = () => {
  const data = mutable(tinyYear())
  data.referrals.push({
    id: "r-ak",
    citizenId: ids.bo,
    therapistId: "s-ther",
    offeringId: "aktivitetskontakt",
    date: "2024-03-01",
  })
  const ak = (id: string, more: Record<string, unknown>) => ({
    id,
    citizenId: ids.bo,
    offeringId: "aktivitetskontakt",
    start: "2024-03-04",
    status: "ongoing",
    ...more,
  })
  data.enrollments.push(
    ak("ak-ok", { referralId: "r-ak", status: "completed", closedOn: "2024-06-01" }),
    ak("ak-none", {}),
    ak("ak-lost", { referralId: "r-gone" }),
    ak("ak-early", { start: "2024-02-01", referralId: "r-ak", status: "withdrawn" }),
    ak("ak-other", { referralId: "r-1" }),
    ak("ak-mudo", { citizenId: ids.anna, referralId: "r-1" }),
    ak("ak-ghost", { citizenId: stranger }),
  )
  return data
}

describe("KprCheck.check", () => {
  it("flags each thing the register needs and an enrollment in a reportable service lacks, at its record and field", () => {
    const problems = KprCheck.check(withAktivitetskontakt())
    expect(problems.map((p) => [p.recordId, p.code, Problems.formatPath(p.path), p.kprCode])).toEqual([
      ["ak-none", "kpr-decision-missing", "enrollments[5].referralId", "9"],
      ["ak-lost", "kpr-decision-unknown", "enrollments[6].referralId", "9"],
      ["ak-early", "kpr-start-before-decision", "enrollments[7].start", "9"],
      ["ak-early", "kpr-end-missing", "enrollments[7].closedOn", "9"],
      ["ak-other", "kpr-decision-mismatch", "enrollments[8].referralId", "9"],
      ["ak-mudo", "kpr-decision-mismatch", "enrollments[9].referralId", "9"],
      ["ak-ghost", "kpr-citizen-unknown", "enrollments[10].citizenId", "9"],
      ["ak-ghost", "kpr-decision-missing", "enrollments[10].referralId", "9"],
    ])
  })

  it("marks as incomplete exactly the rows check finds a problem in", () => {
    for (const data of [withAktivitetskontakt(), generate({ policy, seed: 3, year: 2024 })]) {
      const rows = new Set(KprCheck.check(data).map((p) => p.path?.[1]))
      const marked = KprCheck.incomplete(data)
      expect(marked.length).toBe(data.enrollments.length)
      expect([...marked.keys()].filter((i) => marked[i] === 1)).toEqual([...rows].sort((a, b) => Number(a) - Number(b)))
      expect(rows.size).toBeGreaterThan(0)
    }
  })

  it("names every code in both languages", () => {
    expect(Object.keys(KprCheck.codes).sort()).toEqual([
      "kpr-citizen-unknown",
      "kpr-decision-mismatch",
      "kpr-decision-missing",
      "kpr-decision-unknown",
      "kpr-end-missing",
      "kpr-start-before-decision",
    ])
    for (const label of Object.values(KprCheck.codes))
      expect(label.nb.length > 0 && label.en.length > 0 && label.nb !== label.en).toBe(true)
  })

  it("says in both languages which record, which field and what KPR needs", () => {
    const byId = (id: string) => KprCheck.check(withAktivitetskontakt()).filter((p) => p.recordId === id)
    expect(byId("ak-early")[1]?.message).toEqual({
      en: "enrollments[7] (ak-early), closedOn: the enrollment in aktivitetskontakt (KPR 9) is withdrawn but has no end date; KPR needs when the service ended",
      nb: "enrollments[7] (ak-early), closedOn: deltagelsen i aktivitetskontakt (KPR 9) er avbrutt, men mangler sluttdato; KPR trenger når tjenesten sluttet",
    })
    expect(byId("ak-mudo")[0]?.message.nb).toBe(
      "enrollments[9] (ak-mudo), referralId: deltagelsen i aktivitetskontakt (KPR 9) viser til r-1, som gjelder individuell-trening-mudo; KPR trenger vedtaket som tildelte denne tjenesten",
    )
    expect(byId("ak-other")[0]?.message.en).toContain("which is another citizen's")
  })

  it("leaves services the crosswalk does not report alone, and reads another crosswalk when given", () => {
    expect(KprCheck.check(tinyYear())).toEqual([])
    const crosswalk = Crosswalk.sandnes()
    const none = { ...crosswalk, entries: crosswalk.entries.filter((e) => e.offeringId !== "aktivitetskontakt") }
    expect(KprCheck.check(withAktivitetskontakt(), none)).toEqual([])
  })

  it("never shows an identity number written into a record id or a reference", () => {
    const data = withAktivitetskontakt()
    data.enrollments[6].id = "01019012345"
    data.enrollments[6].referralId = "010190 12345"
    const problems = KprCheck.check(data).filter((p) => Problems.formatPath(p.path) === "enrollments[6].referralId")
    expect(problems).toHaveLength(1)
    const shown = JSON.stringify(problems)
    expect(Redact.containsNationalId(shown)).toBe(false)
    expect(problems[0]?.recordId).toBe(Redact.MASK)
    expect(problems[0]?.message.nb).toBe(
      `enrollments[6] (${Redact.MASK}), referralId: deltagelsen i aktivitetskontakt (KPR 9) viser til ${Redact.MASK}, som ikke finnes i datasettet`,
    )
  })

  it("on the synthetic year, finds no decision for any of the 24 Aktivitetskontakt services", () => {
    const year = generate({ policy })
    const reported = year.enrollments.filter((n) => n.offeringId === "aktivitetskontakt")
    const problems = KprCheck.check(year)
    expect(reported).toHaveLength(24)
    expect(problems).toHaveLength(24)
    expect(new Set(problems.map((p) => p.code))).toEqual(new Set(["kpr-decision-missing"]))
    expect(problems.map((p) => p.recordId)).toEqual(reported.map((n) => n.id))
  })

  it("refuses what is no dataset with a message that says what it expects", () => {
    expect(() => KprCheck.check(undefined as never)).toThrow(CoreError)
    expect(() => KprCheck.check(undefined as never)).toThrow(
      /KprCheck\.check could not use its arguments: expected a dataset/u,
    )
  })
})

// The rules read plainly, one enrollment at a time: what each row lacks.
const plainCodes = (data: ReturnType<typeof mutable>): Array<Array<string>> => {
  const reportable = Crosswalk.reportable()
  const citizens = new Set(data.citizens.map((c: { id: string }) => c.id))
  return data.enrollments.map((n: Record<string, string | undefined>) => {
    if (!reportable.has(n.offeringId!)) return []
    const out: Array<string> = []
    if (!citizens.has(n.citizenId!)) out.push("kpr-citizen-unknown")
    // The last referral of an id counts, as in a map filled in order.
    const referral = data.referrals.findLast((r: { id: string }) => r.id === n.referralId)
    if (n.referralId === undefined) out.push("kpr-decision-missing")
    else if (referral === undefined) out.push("kpr-decision-unknown")
    else if (referral.citizenId !== n.citizenId || referral.offeringId !== n.offeringId)
      out.push("kpr-decision-mismatch")
    else if (n.start! < referral.date) out.push("kpr-start-before-decision")
    if (n.status !== "ongoing" && n.closedOn === undefined) out.push("kpr-end-missing")
    return out
  })
}

describe("KprCheck on messy years", () => {
  const pick = <T>(xs: ReadonlyArray<T>) => fc.constantFrom(...xs)
  const citizen = pick([ids.bo, ids.bo, ids.anna, stranger])
  const offering = pick(["aktivitetskontakt", "aktivitetskontakt", "aktivitetskontakt", "sandneshallen"])
  const date = pick(["2024-03-01", "2024-03-01", "2024-03-04"])
  const year = fc
    .record({
      referrals: fc.array(fc.record({ id: pick(["r-1", "r-2"]), citizenId: citizen, offeringId: offering, date }), {
        maxLength: 4,
      }),
      enrollments: fc.array(
        fc.record({
          citizenId: citizen,
          offeringId: offering,
          start: date,
          status: pick(["ongoing", "completed", "withdrawn"]),
          closedOn: fc.option(date, { nil: undefined }),
          referralId: fc.option(pick(["r-1", "r-1", "r-2", "r-9"]), { nil: undefined, freq: 5 }),
        }),
        { maxLength: 12 },
      ),
    })
    .map((r) => {
      const data = mutable(tinyYear())
      data.referrals = r.referrals.map((x) => ({ ...x, therapistId: "s-ther" }))
      data.enrollments = r.enrollments.map((n, i) => {
        const e: Record<string, unknown> = { id: `k-${i}`, ...n }
        for (const k of Object.keys(e)) if (e[k] === undefined) delete e[k]
        return e
      })
      return data
    })

  it("check finds, and incomplete marks, what the plain reading of the rules does (property)", () => {
    fc.assert(
      fc.property(year, (data) => {
        const plain = plainCodes(data)
        const found: Array<Array<string>> = plain.map(() => [])
        for (const p of KprCheck.check(data)) found[Number(p.path?.[1])]!.push(p.code)
        expect(found).toEqual(plain)
        expect([...KprCheck.incomplete(data)]).toEqual(plain.map((c) => (c.length > 0 ? 1 : 0)))
      }),
      { numRuns: 300 },
    )
  })
})
