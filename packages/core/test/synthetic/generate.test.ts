/**
 * Tests for the synthetic municipality-year (`@aktivitetsmodell/core/synthetic`):
 * the default year is schema-valid, invariant-clean and realistic; output is
 * deterministic per seed; any seed and year 2023–2026 is valid (property);
 * injected faults are exactly what loaders and invariants find.
 */
import { Schema } from "effect"
import * as fc from "fast-check"
import { beforeAll, describe, expect, it } from "vitest"
import * as Batch from "../../src/Batch.js"
import { sandnes } from "../../src/Catalogue.js"
import * as Dataset from "../../src/Dataset.js"
import * as Invariants from "../../src/Invariants.js"
import { addDays, daysBetween, isoWeek } from "../../src/IsoDate.js"
import { transitionEnd } from "../../src/Offering.js"
import * as Policy from "../../src/Policy.js"
import { generate, generateWithFaults, type InjectedFault } from "../../src/synthetic/index.js"
import { policy } from "../fixturePolicy.js"

const catalogue = sandnes()
const offeringById = new Map(catalogue.offerings.map((o) => [o.id as string, o]))
const categoryOf = (id: string) => offeringById.get(id)?.category

/** Decodes every entity of a year-shaped object the way a loader would. */
const decodeAll = (records: Record<Dataset.EntityName, ReadonlyArray<unknown>>) =>
  Object.fromEntries(Dataset.entityNames.map((k) => [k, Batch.decodeEntity(k, records[k])])) as {
    [K in Dataset.EntityName]: ReturnType<typeof Batch.decodeEntity<K>>
  }

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole)

describe("generate({ policy }) — the default year", () => {
  let year: Dataset.Dataset
  let millis = 0

  beforeAll(() => {
    generate({ policy, citizens: 50 }) // warm up module loading before timing
    const t0 = performance.now()
    year = generate({ policy })
    millis = performance.now() - t0
  })

  it("is 2024 with 1,500 citizens, generated in well under 2 s", () => {
    expect(year.year).toBe(2024)
    expect(year.citizens).toHaveLength(1500)
    expect(millis).toBeLessThan(2000)
  })

  it("decodes entity by entity with nothing rejected", () => {
    const decoded = decodeAll(year)
    for (const k of Dataset.entityNames) {
      expect(decoded[k].rejected, k).toEqual([])
      expect(decoded[k].valid.length, k).toBe(year[k].length)
    }
  })

  it("decodes as a whole Dataset", () => {
    expect(() => Schema.decodeUnknownSync(Dataset.Dataset)(year)).not.toThrow()
  })

  it("has no invariant violations", () => {
    expect(Invariants.check(year, { policy })).toEqual([])
  })

  it("copies departments and offerings from the catalogue", () => {
    expect(year.departments).toEqual(catalogue.departments)
    expect(year.offerings).toEqual(catalogue.offerings)
  })

  it("uses unique, prefixed record ids of at most 64 characters", () => {
    const prefixes: Partial<Record<Dataset.EntityName, string>> = {
      referrals: "r-",
      jointMeetings: "m-",
      episodes: "e-",
      enrollments: "n-",
      sessions: "x-",
      attendance: "a-",
      extensions: "f-",
      goalEvaluations: "g-",
      transitions: "t-",
      fitScores: "o-",
      proposals: "p-",
      contributions: "c-",
      feedback: "b-",
      staff: "s-",
    }
    for (const [entity, prefix] of Object.entries(prefixes) as Array<[Dataset.EntityName, string]>) {
      const ids = (year[entity] as ReadonlyArray<{ id: string }>).map((r) => r.id)
      expect(new Set(ids).size, entity).toBe(ids.length)
      expect(
        ids.filter((id) => !id.startsWith(prefix) || id.length > 64),
        entity,
      ).toEqual([])
    }
    expect(year.staff[0]?.id).toBe("s-001")
  })

  it("dates every event inside the year, but for last year's completed enrollments", () => {
    const outside: Array<string> = []
    const lastYear = (r: Record<string, unknown>) =>
      String(r.start).startsWith("2023-") && String(r.closedOn).startsWith("2023-") && r.status === "completed"
    for (const k of Dataset.entityNames) {
      if (k === "citizens" || k === "offerings" || k === "departments") continue
      for (const r of year[k] as ReadonlyArray<Record<string, unknown>>) {
        if (k === "enrollments" && lastYear(r)) continue
        for (const [field, v] of Object.entries(r)) {
          if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/u.test(v) && !v.startsWith("2024-"))
            outside.push(`${k}.${field}=${v}`)
        }
      }
    }
    expect(outside).toEqual([])
  })

  it("has returning citizens: about 30 % of this year's participants also took part last year", () => {
    const earlier = year.enrollments.filter((e) => e.start < "2024-01-01")
    const thisYear = new Set(year.enrollments.filter((e) => e.start >= "2024-01-01").map((e) => e.citizenId))
    expect(
      earlier.every((e) => thisYear.has(e.citizenId) && e.closedOn !== undefined && e.closedOn < "2024-01-01"),
    ).toBe(true)
    expect(year.attendance.some((a) => earlier.some((e) => e.id === a.enrollmentId))).toBe(false)
    const share = new Set(earlier.map((e) => e.citizenId)).size / thisYear.size
    expect(share).toBeGreaterThan(0.15)
    expect(share).toBeLessThan(0.4)
  })

  it("has adult citizens with distinct 32-hex pseudonyms and the intended mix", () => {
    const c = year.citizens
    expect(new Set(c.map((x) => x.id)).size).toBe(c.length)
    for (const x of c) {
      expect(x.id).toMatch(/^[0-9a-f]{32}$/u)
      expect(x.birthYear).toBeLessThanOrEqual(2024 - 19)
    }
    const hlc = share(c.filter((x) => x.healthyLifeCentre).length, c.length)
    const none = share(c.filter((x) => x.departments.length === 0).length, c.length)
    const two = share(c.filter((x) => x.departments.length === 2).length, c.length)
    const withDate = share(c.filter((x) => x.birthDate !== undefined).length, c.length)
    expect(hlc).toBeGreaterThan(0.06)
    expect(hlc).toBeLessThan(0.15)
    expect(none).toBeGreaterThan(0.02)
    expect(none).toBeLessThan(0.07)
    expect(two).toBeGreaterThan(0.06)
    expect(two).toBeLessThan(0.14)
    expect(withDate).toBeGreaterThan(0.5)
    expect(withDate).toBeLessThan(0.7)
    expect(c.filter((x) => x.departments.length === 0).every((x) => x.healthyLifeCentre)).toBe(true)
    const p1 = share(c.filter((x) => x.pathway === 1).length, c.length)
    const p3 = share(c.filter((x) => x.pathway === 3).length, c.length)
    expect(p1).toBeGreaterThan(0.42)
    expect(p1).toBeLessThan(0.58)
    expect(p3).toBeGreaterThan(0.1)
    expect(p3).toBeLessThan(0.22)
  })

  it("has the roster of the activity model", () => {
    const count = (role: string) => year.staff.filter((s) => s.role === role).length
    expect(count("activity-lead")).toBe(1)
    expect(count("therapist")).toBeGreaterThanOrEqual(35)
    expect(count("activity-team-member")).toBeGreaterThanOrEqual(6)
    expect(count("peer-support-worker")).toBeGreaterThanOrEqual(3)
    expect(count("student")).toBeGreaterThanOrEqual(15)
    expect(count("department-staff")).toBeGreaterThanOrEqual(3)
    const volunteers = year.staff.filter((s) => s.role === "volunteer")
    expect(volunteers.length).toBeGreaterThanOrEqual(10)
    expect(volunteers.every((s) => s.organisation === "Blå Kors")).toBe(true)
    for (const d of catalogue.departments)
      expect(
        year.staff.some((s) => s.role === "therapist" && s.department === d.id),
        d.id,
      ).toBe(true)
  })

  it("has enrollments in every active offering and none in discontinued ones", () => {
    const used = new Set(year.enrollments.map((e) => e.offeringId as string))
    for (const o of catalogue.offerings) {
      expect(used.has(o.id), o.id).toBe(o.status.kind !== "discontinued")
    }
  })

  it("has a realistic attendance rate and extension share", () => {
    const present = year.attendance.filter((a) => a.status === "present").length
    const rate = share(present, year.attendance.length)
    expect(rate).toBeGreaterThan(0.6)
    expect(rate).toBeLessThan(0.95)
    const treatments = year.enrollments.filter((e) => categoryOf(e.offeringId) === "treatment")
    const extended = new Set(year.extensions.map((x) => x.enrollmentId))
    const ext = share(treatments.filter((e) => extended.has(e.id)).length, treatments.length)
    expect(ext).toBeGreaterThan(0.05)
    expect(ext).toBeLessThan(0.4)
  })

  it("refers about 35 % of citizens to treatment, through meeting and episode", () => {
    const referred = new Set(year.referrals.map((r) => r.citizenId))
    expect(share(referred.size, year.citizens.length)).toBeGreaterThan(0.28)
    expect(share(referred.size, year.citizens.length)).toBeLessThan(0.42)
    expect(year.referrals.length).toBeGreaterThan(referred.size) // a few twice
    const meeting = new Map(year.jointMeetings.map((m) => [m.referralId, m]))
    const episode = new Map(year.episodes.map((e) => [e.referralId, e]))
    for (const r of year.referrals) {
      const m = meeting.get(r.id)!
      const e = episode.get(r.id)!
      expect(daysBetween(r.date, m.date)).toBeGreaterThanOrEqual(3)
      expect(daysBetween(r.date, m.date)).toBeLessThanOrEqual(14)
      expect(daysBetween(m.date, e.date)).toBeGreaterThanOrEqual(0)
      expect(daysBetween(m.date, e.date)).toBeLessThanOrEqual(3)
    }
  })

  it("keeps individual training within the limits the policy gives", () => {
    const limitsOf = (o: (typeof catalogue.offerings)[number]) =>
      Policy.limits(policy, o, { question: "2024-06-01", enrollmentStart: "2024-06-01" })
    const mudo = catalogue.offerings.find(
      (o) => limitsOf(o).sessionsPerWeek !== undefined && limitsOf(o).weeks !== undefined,
    )!
    const { weeks, sessionsPerWeek } = limitsOf(mudo) as { weeks: number; sessionsPerWeek: number }
    const enrollments = year.enrollments.filter((e) => e.offeringId === mudo.id)
    expect(enrollments.length).toBeGreaterThan(50)
    const byEnrollment = new Map<string, Array<string>>()
    for (const a of year.attendance)
      if (a.offeringId === mudo.id)
        byEnrollment.set(a.enrollmentId, [...(byEnrollment.get(a.enrollmentId) ?? []), a.date])
    for (const e of enrollments) {
      if (e.end !== undefined) expect(e.end).toBe(addDays(e.start, weeks * 7 - 1))
      const perWeek = new Map<string, number>()
      for (const d of byEnrollment.get(e.id) ?? []) perWeek.set(isoWeek(d), (perWeek.get(isoWeek(d)) ?? 0) + 1)
      for (const n of perWeek.values()) expect(n).toBeLessThanOrEqual(sessionsPerWeek)
    }
  })

  it("books courses for the policy's sessions per period and walking groups by monthly cohort", () => {
    const extensions = new Map<string, number>()
    for (const x of year.extensions) extensions.set(x.enrollmentId, (extensions.get(x.enrollmentId) ?? 0) + 1)
    const booked = new Map<string, number>()
    for (const a of year.attendance) booked.set(a.enrollmentId, (booked.get(a.enrollmentId) ?? 0) + 1)
    for (const e of year.enrollments) {
      const o = offeringById.get(e.offeringId)!
      const sessions = Policy.limits(policy, o, { question: e.start, enrollmentStart: e.start }).sessions
      if (o.category !== "treatment" || sessions === undefined || e.status !== "completed") continue
      expect(booked.get(e.id), e.id).toBe(sessions * (1 + (extensions.get(e.id) ?? 0)))
    }
    const walks = year.enrollments.filter(
      (e) => offeringById.get(e.offeringId)?.schedule.frequency === "monthly-cohort",
    )
    expect(walks.length).toBeGreaterThan(20)
    const cohortStart = new Map<string, string>()
    for (const s of year.sessions) {
      if (s.cohort !== undefined && (cohortStart.get(s.cohort) ?? "9999") > s.date) cohortStart.set(s.cohort, s.date)
    }
    for (const e of walks) {
      expect(e.cohort).toMatch(/^2024-(0[1-9]|1[0-2])$/u)
      expect(e.start).toBe(cohortStart.get(e.cohort!))
    }
  })

  it("evaluates goals about 45/35/20 and closes treatments consistently", () => {
    const g = year.goalEvaluations
    const yes = share(g.filter((x) => x.goalReached === "yes").length, g.length)
    const no = share(g.filter((x) => x.goalReached === "no").length, g.length)
    expect(yes).toBeGreaterThan(0.38)
    expect(yes).toBeLessThan(0.52)
    expect(no).toBeGreaterThan(0.14)
    expect(no).toBeLessThan(0.26)
    const evaluations = new Map<string, number>()
    for (const x of g) evaluations.set(x.enrollmentId, (evaluations.get(x.enrollmentId) ?? 0) + 1)
    const treatments = year.enrollments.filter((e) => categoryOf(e.offeringId) === "treatment")
    const withdrawn = share(treatments.filter((e) => e.status === "withdrawn").length, treatments.length)
    expect(withdrawn).toBeGreaterThan(0.04)
    expect(withdrawn).toBeLessThan(0.13)
    expect(treatments.some((e) => e.status === "ongoing")).toBe(true)
    for (const e of treatments) {
      if (e.status === "ongoing") expect(g.some((x) => x.enrollmentId === e.id && x.decision !== "extend")).toBe(false)
      if (e.status !== "ongoing") expect(e.closedOn, e.id).toBeDefined()
    }
  })

  it("records ORS and SRS forms whose totals equal their items", () => {
    const ors = year.fitScores.filter((f) => f.instrument === "ORS")
    const srs = year.fitScores.filter((f) => f.instrument === "SRS")
    expect(ors.length).toBe(srs.length)
    expect(ors.length).toBe(
      year.attendance.filter((a) => a.status === "present" && categoryOf(a.offeringId) === "treatment").length,
    )
    const off = year.fitScores.filter(
      (f) =>
        Math.abs(f.items.reduce((a, b) => a + b, 0) - f.total) > 0.05 ||
        f.items.some((i) => Math.abs(Math.round(i * 10) - i * 10) > 1e-9),
    )
    expect(off).toEqual([])
    const first = new Map<string, number>()
    for (const f of ors)
      if (f.enrollmentId !== undefined && !first.has(f.enrollmentId)) first.set(f.enrollmentId, f.total)
    const mean = [...first.values()].reduce((a, b) => a + b, 0) / first.size
    expect(mean).toBeGreaterThan(16)
    expect(mean).toBeLessThan(22)
    const alert = share(srs.filter((f) => f.total < 36).length, srs.length)
    expect(alert).toBeGreaterThan(0.05)
    expect(alert).toBeLessThan(0.16)
  })

  it("passes karate, open training and Recoveryhjelpa participants on to the community", () => {
    const kinds = (from: string) => year.transitions.filter((t) => t.fromOfferingId === from)
    expect(kinds("karategruppe").length).toBeGreaterThan(0)
    expect(kinds("karategruppe").every((t) => t.kind === "club" && t.destination === "Lura Karateklubb")).toBe(true)
    expect(kinds("apen-trening-mudo").length).toBeGreaterThan(0)
    expect(kinds("apen-trening-mudo").every((t) => t.kind === "membership")).toBe(true)
    const karate = year.enrollments.filter((e) => e.offeringId === "karategruppe")
    expect(karate.every((e) => e.start.slice(5, 7) === "01" || e.start.slice(5, 7) === "08")).toBe(true)
    const recovery = year.enrollments.filter((e) => e.offeringId === "recoveryhjelpa" && e.status === "completed")
    expect(recovery.length).toBeGreaterThan(50)
    const transitionOn = new Map(year.transitions.map((t) => [t.enrollmentId, t.date]))
    for (const e of recovery) {
      expect(transitionOn.get(e.id)).toBe(e.closedOn)
      const days = daysBetween(e.start, e.closedOn!)
      expect(days).toBeGreaterThanOrEqual(21)
      expect(days).toBeLessThanOrEqual(16 * 7 + 2)
    }
    expect(year.sessions.filter((s) => s.offeringId === "inkludert").every((s) => s.volunteers >= 1)).toBe(true)
    expect(year.enrollments.filter((e) => e.offeringId === "pro-service").every((e) => e.end === undefined)).toBe(true)
    expect(year.sessions.some((s) => s.offeringId === "pro-service")).toBe(false)
  })

  it("has proposals with escalations, 20 % contributions and feedback from all three sources", () => {
    expect(year.proposals.length).toBeGreaterThanOrEqual(10)
    expect(
      year.proposals.some(
        (p) => p.requested && p.decision?.outcome === "declined" && p.escalation?.to === "extended-leadership-group",
      ),
    ).toBe(true)
    expect(
      year.proposals.some((p) => p.proposedByDepartment !== undefined && p.escalation?.to === "activity-lead"),
    ).toBe(true)
    expect(year.proposals.some((p) => p.decision?.outcome === "approved")).toBe(true)
    const min = Policy.requireNumber(policy, Policy.names.contributionPercent, { question: "2024-12-31" })
    for (const d of catalogue.departments) {
      const total = year.contributions
        .filter((c) => c.department === d.id && c.to === undefined)
        .reduce((a, c) => a + c.sharePercent, 0)
      expect(total, d.id).toBeGreaterThanOrEqual(min)
    }
    for (const c of year.contributions) expect(c.form === "lent-position").toBe(c.staffId !== undefined)
    expect(year.feedback.length).toBeGreaterThan(150)
    expect(year.feedback.length).toBeLessThan(250)
    expect(new Set(year.feedback.map((f) => f.source))).toEqual(new Set(["employee", "citizen", "experience-council"]))
    expect(year.feedback.some((f) => f.offeringId !== undefined)).toBe(true)
  })
})

describe("generate({ policy }) — other years and determinism", () => {
  it("gives deep-equal years for the same seed and different years for different seeds", () => {
    const a = generate({ policy, seed: 5, citizens: 200 })
    const b = generate({ policy, seed: 5, citizens: 200 })
    const c = generate({ policy, seed: 6, citizens: 200 })
    expect(b).toEqual(a)
    expect(c).not.toEqual(a)
    expect(c.citizens.map((x) => x.id)).not.toEqual(a.citizens.map((x) => x.id))
  })

  it("runs discontinued offerings in 2023 only until their transition ends", () => {
    const y = generate({ policy, seed: 2, year: 2023, citizens: 800 })
    expect(Invariants.check(y, { policy })).toEqual([])
    const discontinued = catalogue.offerings.filter((o) => o.status.kind === "discontinued")
    const attended = new Map<string, string>()
    for (const a of y.attendance) if ((attended.get(a.offeringId) ?? "") < a.date) attended.set(a.offeringId, a.date)
    for (const o of discontinued) {
      const end = transitionEnd(o, policy, "2023-12-31")!
      const es = y.enrollments.filter((e) => e.offeringId === o.id)
      expect(es.length, o.id).toBeGreaterThan(0)
      for (const e of es) {
        expect(e.start <= end).toBe(true)
        expect(e.closedOn! <= end).toBe(true)
      }
      expect((attended.get(o.id) ?? "") <= end).toBe(true)
      expect(y.sessions.filter((s) => s.offeringId === o.id).every((s) => s.date <= end)).toBe(true)
    }
    const modelStart = Policy.requireDate(policy, Policy.names.modelStart, { question: "2024-12-31" })
    expect(y.referrals.every((r) => r.date >= modelStart)).toBe(true)
  })

  it("rejects impossible options", () => {
    expect(() => generate({ policy, year: 1800 })).toThrow(RangeError)
    expect(() => generate({ policy, citizens: -1 })).toThrow(RangeError)
    expect(() => generate({ policy, citizens: 2.5 })).toThrow(RangeError)
    expect(() => generateWithFaults({ policy, faultRate: 2 })).toThrow(RangeError)
  })

  it("handles an empty municipality", () => {
    const y = generate({ policy, citizens: 0 })
    expect(y.citizens).toEqual([])
    expect(y.enrollments).toEqual([])
    expect(Invariants.check(y, { policy })).toEqual([])
  })

  it("is schema-valid and invariant-clean for any seed and year 2023–2026 (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 2023, max: 2026 }),
        fc.integer({ min: 20, max: 120 }),
        (seed, yr, citizens) => {
          const y = generate({ policy, seed, year: yr, citizens })
          const decoded = decodeAll(y)
          for (const k of Dataset.entityNames) expect(decoded[k].rejected, k).toEqual([])
          expect(Invariants.check(y, { policy })).toEqual([])
        },
      ),
      { numRuns: 12, seed: 20240309 },
    )
  })
})

describe("generateWithFaults()", () => {
  const verify = (
    records: Record<Dataset.EntityName, Array<unknown>> & { year: number },
    faults: ReadonlyArray<InjectedFault>,
  ) => {
    const decoded = decodeAll(records)
    const valid = { year: records.year } as Record<string, unknown>
    for (const k of Dataset.entityNames) {
      const r = decoded[k]
      expect(r.valid.length + r.rejected.length, k).toBe(records[k].length)
      const expected = faults
        .filter((f) => f.entity === k && f.kind === "schema")
        .map((f) => f.index)
        .sort((a, b) => a - b)
      expect(
        r.rejected.map((x) => x.index),
        k,
      ).toEqual(expected)
      valid[k] = r.valid
    }
    const reported = new Set(
      Invariants.check(valid as Dataset.Dataset, { policy }).map((v) => `${v.code}|${v.recordId ?? ""}`),
    )
    for (const f of faults) {
      if (f.kind !== "invariant") continue
      expect(f.code).toBeDefined()
      expect(reported.has(`${f.code}|${f.id}`), `${f.entity}[${f.index}] ${f.code}: ${f.description}`).toBe(true)
    }
    expect(new Set(faults.map((f) => `${f.entity}#${f.index}`)).size).toBe(faults.length)
  }

  it("with rate 0 returns the plain year and no faults", () => {
    const { records, faults } = generateWithFaults({ policy, seed: 9, citizens: 200, faultRate: 0 })
    expect(faults).toEqual([])
    expect(records).toEqual(generate({ policy, seed: 9, citizens: 200 }))
  })

  it("injects the same faults for the same seed", () => {
    const a = generateWithFaults({ policy, seed: 4, citizens: 100, faultRate: 0.1 })
    const b = generateWithFaults({ policy, seed: 4, citizens: 100, faultRate: 0.1 })
    expect(b).toEqual(a)
    expect(a.faults.length).toBeGreaterThan(0)
  })

  it("injects each kind of required invariant fault in a full year, every one detectable", () => {
    const { records, faults } = generateWithFaults({ policy, seed: 1, faultRate: 0.2 })
    verify(records, faults)
    const codes = new Set(faults.map((f) => f.code))
    for (const code of [
      "enrollment-after-transition",
      "too-many-extensions",
      "attendance-outside-period",
      "citizen-under-minimum-age",
      "treatment-referral-missing",
      "completed-without-goal-evaluation",
    ] as const) {
      expect(codes.has(code), code).toBe(true)
    }
    const schemaKinds = new Set(faults.filter((f) => f.kind === "schema").map((f) => f.description.split(":")[0]))
    expect(schemaKinds).toEqual(
      new Set([
        "impossible-date",
        "out-of-range-number",
        "unknown-literal",
        "missing-field",
        "uppercase-pseudonym",
        "excess-field",
      ]),
    )
    const rate = share(
      faults.length,
      Dataset.entityNames.reduce((a, k) => a + records[k].length, 0),
    )
    expect(rate).toBeGreaterThan(0.15)
    expect(rate).toBeLessThan(0.22)
  })

  it("can make an offering not free", () => {
    const found = [1, 2, 3, 4, 5, 6].some((seed) =>
      generateWithFaults({ policy, seed, citizens: 20, faultRate: 0.2 }).faults.some(
        (f) => f.code === "offering-not-free",
      ),
    )
    expect(found).toBe(true)
  })

  it("for any rate 0.01–0.2, loaders reject exactly the schema faults and invariants report every invariant fault (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: 0.01, max: 0.2, noNaN: true }),
        fc.integer({ min: 2023, max: 2026 }),
        (seed, faultRate, yr) => {
          const { records, faults } = generateWithFaults({ policy, seed, year: yr, citizens: 150, faultRate })
          verify(records, faults)
        },
      ),
      { numRuns: 6, seed: 20230309 },
    )
  })
})
