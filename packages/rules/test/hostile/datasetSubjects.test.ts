// DatasetSubjects.of over hostile records: ids written as identity numbers
// (in every written form, with or without the eleven digits together), ids
// named like what every object inherits (`__proto__`, `constructor`,
// `toString`, `hasOwnProperty`), own `__proto__` keys made by JSON.parse, and
// references that lead nowhere. Whatever the records, the items are the
// straightforward derivation's, every record is accounted for (an item, or
// left out because what it refers to is missing, as the reference leaves it
// out), no item and no error carries an identity number, and no prototype changes.

import { Batch, Dataset, Redact } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { DatasetSubjects } from "../../src/index.js"
import { fixturePolicy, type Loose } from "../helpers.js"
import { examples, nationalIdText, writtenForms } from "../nationalIds.js"
import { straightforward } from "../straightforwardSubjects.js"
import { prototypeKeys } from "./prototype.js"

const runs = Number(process.env.FUZZ_RUNS ?? 200)

const policy = fixturePolicy()
// A few small years to edit; generating one per run would be most of the time.
const years: ReadonlyArray<Dataset.Dataset> = [1, 2, 3].map((seed) =>
  generate({ policy, seed, year: 2024, citizens: 8 }),
)

const protoNames = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"] as const

// The number in forms redaction knows, and ones a record id cannot hold but a caller may still pass.
const writtenAnyHow = (digits: string): ReadonlyArray<string> => [
  ...writtenForms(digits),
  `${digits.slice(0, 6)}\u00a0${digits.slice(6)}`,
  `${digits.slice(0, 6)}\u2013${digits.slice(6)}`,
  `id-${digits}`,
  `${digits}:x`,
]

const copy = (d: Dataset.Dataset): Loose => structuredClone(d)

/** The record with an own `__proto__` key in front, as JSON.parse makes it. */
const withOwnProto = (record: object): Loose =>
  JSON.parse(`{"__proto__":{"polluted":"yes","toString":1},${JSON.stringify(record).slice(1)}`)

/** The record at `i` of `entity` renamed, with `field` of every record in `referrers` that named it. */
const rename =
  (entity: string, field: string, referrers: ReadonlyArray<string>) =>
  (d: Loose, i: number, id: string): void => {
    const r = d[entity][i]
    if (r === undefined) return
    const old = r.id
    r.id = id
    for (const list of referrers) for (const x of d[list]) if (x[field] === old) x[field] = id
  }

/** The enrollment at `i` renamed, with everything that refers to it. */
const renameEnrollment = rename("enrollments", "enrollmentId", [
  "attendance",
  "extensions",
  "goalEvaluations",
  "transitions",
])

/** The citizen at `i` renamed, with everything that refers to them. */
const renameCitizen = rename("citizens", "citizenId", ["enrollments", "fitScores", "transitions", "attendance"])

/** The keys each record should give, worked out from the records alone. */
const expectedKeys = (d: Loose): Record<string, Array<string>> => {
  const citizens = new Set<string>(d.citizens.map((c: Loose) => c.id))
  const offerings = new Set<string>(d.offerings.map((o: Loose) => o.id))
  const valid = (e: Loose) => citizens.has(e.citizenId) && offerings.has(e.offeringId)
  const enrollments = new Map<string, Loose>(d.enrollments.map((e: Loose) => [e.id, e]))
  const masked = (key: string) => Redact.text(key)
  return {
    start: d.enrollments.filter(valid).map((e: Loose) => masked(`enrollment ${e.id} start`)),
    // A no-show is in a run of no-shows: each one gives an item.
    attendance: d.enrollments
      .filter(valid)
      .flatMap((e: Loose) => d.attendance.filter((a: Loose) => a.enrollmentId === e.id && a.status === "no-show"))
      .map((a: Loose) => masked(`attendance ${a.id}`)),
    goal: d.goalEvaluations
      .filter((g: Loose) => {
        const e = enrollments.get(g.enrollmentId)
        return e !== undefined && valid(e)
      })
      .map((g: Loose) => masked(`goal evaluation ${g.id}`)),
    fit: d.fitScores.filter((s: Loose) => citizens.has(s.citizenId)).map((s: Loose) => masked(`FIT ${s.id}`)),
    proposal: d.proposals.map((p: Loose) => masked(`proposal ${p.id}`)),
  }
}

const kindOf = (key: string): string | undefined =>
  key.startsWith("enrollment ") && key.endsWith(" start")
    ? "start"
    : key.startsWith("attendance ")
      ? "attendance"
      : key.startsWith("goal evaluation ")
        ? "goal"
        : key.startsWith("FIT ")
          ? "fit"
          : key.startsWith("proposal ")
            ? "proposal"
            : undefined

const sorted = (xs: ReadonlyArray<string>) => [...xs].sort()

/** Identity-number text, and its bare digits, are nowhere in `text`. */
const clean = (text: string, secrets: ReadonlyArray<string>) => {
  expect(Redact.containsNationalId(text), text.slice(0, 300)).toBe(false)
  for (const s of secrets) {
    expect(text.includes(s), s).toBe(false)
    expect(text.includes(s.replace(/\D/gu, "")), s).toBe(false)
  }
}

/** Every check on one dataset; `secrets` are the identity numbers written into it. */
const check = (data: Loose, secrets: ReadonlyArray<string>) => {
  const before = prototypeKeys()
  let items: ReadonlyArray<DatasetSubjects.Item>
  try {
    items = DatasetSubjects.of(data, policy)
  } catch (e) {
    clean(String((e as Error).message), secrets)
    clean(JSON.stringify(e), secrets)
    throw e
  }
  // The straightforward derivation, item for item and key order included.
  expect(JSON.stringify(items)).toBe(JSON.stringify(straightforward(data, policy)))
  // Every record accounted for.
  const expected = expectedKeys(data)
  const got: Record<string, Array<string>> = { start: [], attendance: [], goal: [], fit: [], proposal: [] }
  for (const item of items) {
    const kind = kindOf(item.key)
    if (kind !== undefined) got[kind]!.push(item.key)
  }
  for (const kind of Object.keys(expected)) expect(sorted(got[kind]!), kind).toEqual(sorted(expected[kind]!))
  // Nothing written as an identity number comes out.
  clean(JSON.stringify(items), secrets)
  for (const item of items) clean(item.key, secrets)
  // Nothing reached a prototype.
  expect(prototypeKeys()).toEqual(before)
  expect(({} as Loose).polluted).toBeUndefined()
  expect(([] as Loose).polluted).toBeUndefined()
  return items
}

const year = () => copy(years[0]!)

describe("DatasetSubjects.of, hostile corpus", () => {
  const forms = writtenAnyHow("01019012345")

  it.each(forms)("masks the number written %j as an enrollment's id", (id) => {
    const d = year()
    renameEnrollment(d, 0, id)
    const items = check(d, [id])
    const masked = items.filter((x) => x.key.startsWith("enrollment ") && x.key.includes(Redact.MASK))
    expect(masked.some((x) => x.key.endsWith(" start"))).toBe(true)
  })

  it.each(forms)("masks the number written %j as an attendance, goal, FIT and proposal id", (id) => {
    const d = year()
    for (const list of [d.attendance, d.goalEvaluations, d.fitScores, d.proposals])
      for (let i = 0; i < list.length; i++) list[i].id = i === 0 ? id : list[i].id
    // A no-show, so the attendance record gives an item.
    const a = d.attendance[0]
    a.status = "no-show"
    check(d, [id])
  })

  it.each(forms)("masks the number written %j as a referral and extension id", (id) => {
    const d = year()
    for (const e of d.enrollments) if (e.referralId !== undefined) e.referralId = id
    for (const m of d.jointMeetings) m.referralId = id
    for (const x of d.extensions) x.id = id
    check(d, [id])
  })

  it("masks ids with fewer than eleven digits together but eleven in all", () => {
    // Each needs the pattern check: the digit count alone reaches eleven only with the separators' help.
    const ids = ["010190 12345", "01.01.90.123.45", "010190-12345", "0-1-0-1-9-0-1-2-3-4-5"]
    const d = year()
    ids.forEach((id, i) => {
      renameEnrollment(d, i, id)
    })
    const items = check(d, ids.slice(0, 3))
    for (const x of items) expect(x.key.includes("0101901")).toBe(false)
  })

  it("keeps ids whose digits only add up to eleven across words", () => {
    // Ten digits in the id and one in "period 1": not a number, kept as written.
    const d = year()
    renameEnrollment(d, 0, "0101901234")
    const items = check(d, [])
    expect(items.some((x) => x.key === "enrollment 0101901234 start")).toBe(true)
  })

  it.each(protoNames)("counts an enrollment, citizen and offering named %j once, like any other", (name) => {
    const d = year()
    const e = d.enrollments[0]
    renameEnrollment(d, 0, name)
    renameCitizen(
      d,
      d.citizens.findIndex((c: Loose) => c.id === e.citizenId),
      name,
    )
    const old = e.offeringId
    for (const o of d.offerings) if (o.id === old) o.id = name
    for (const x of [...d.enrollments, ...d.attendance]) if (x.offeringId === old) x.offeringId = name
    for (const a of d.attendance) a.id = a.id === d.attendance[0].id ? name : a.id
    if (d.fitScores[0] !== undefined) d.fitScores[0].id = name
    if (d.proposals[0] !== undefined) d.proposals[0].id = name
    const items = check(d, [])
    expect(items.filter((x) => x.key === `enrollment ${name} start`)).toHaveLength(1)
  })

  it("takes own __proto__ keys from JSON.parse as plain data", () => {
    const d = year()
    for (const list of ["citizens", "offerings", "enrollments", "attendance", "fitScores", "proposals"] as const)
      d[list] = d[list].map((r: Loose, i: number) => (i % 2 === 0 ? withOwnProto(r) : r))
    expect(Object.hasOwn(d.enrollments[0], "__proto__")).toBe(true)
    const top = withOwnProto(d)
    expect(Object.hasOwn(top, "__proto__")).toBe(true)
    const items = check(top, [])
    expect(items.length).toBe(DatasetSubjects.of(year(), policy).length)
    // No subject took on the polluting key.
    for (const x of items) expect(JSON.stringify(x).includes("polluted")).toBe(false)
  })

  it("leaves out records whose citizen, offering or enrollment is an inherited name that is not there", () => {
    const d = year()
    d.enrollments[0].citizenId = "__proto__"
    d.enrollments[1].offeringId = "constructor"
    if (d.fitScores[0] !== undefined) d.fitScores[0].citizenId = "toString"
    if (d.goalEvaluations[0] !== undefined) d.goalEvaluations[0].enrollmentId = "hasOwnProperty"
    d.attendance[0].enrollmentId = "valueOf"
    const all = DatasetSubjects.of(year(), policy).length
    const items = check(d, [])
    expect(items.length).toBeLessThan(all)
  })

  it.each(examples)("throws no error text with the number written %j in a broken record", (id) => {
    const d = year()
    renameEnrollment(d, 0, id)
    d.enrollments[0].end = id
    d.extensions.push({ id, enrollmentId: id, date: id, newEnd: id })
    try {
      const items = DatasetSubjects.of(d, policy)
      clean(JSON.stringify(items), [id])
    } catch (e) {
      clean((e as Error).message, [id])
      clean(String(e), [id])
      clean(JSON.stringify(e), [id])
    }
  })

  // Offering and department ids are slugs, and a slug may be eleven digits or
  // six and five with a dash: decoding refuses such an id, so no decoded
  // Dataset holds one, and the refusal names the field without the number.
  it.each(["01019012345", "010190-12345"])("refuses the number %j written as an offering id", (id) => {
    const d = year()
    const old = d.enrollments[0].offeringId
    for (const o of d.offerings) if (o.id === old) o.id = id
    for (const x of [...d.enrollments, ...d.attendance]) if (x.offeringId === old) x.offeringId = id
    refused(d, id, ["offerings", "enrollments", "attendance"])
  })

  it.each(["01019012345", "010190-12345"])("refuses the number %j written as a department id", (id) => {
    const d = year()
    const old = d.citizens[0].departments[0]
    expect(old).toBeDefined()
    for (const c of d.citizens) c.departments = c.departments.map((x: string) => (x === old ? id : x))
    refused(d, id, ["citizens"])
  })
})

/** Decoding `data` refuses it, at fields under each of `entities`, and no problem shows `secret`. */
const refused = (data: Loose, secret: string, entities: ReadonlyArray<string>) => {
  const decoded = Batch.decode(Dataset.Dataset, [data])
  expect(decoded.valid).toEqual([])
  const problems = decoded.rejected[0]!.problems
  const at = new Set(problems.map((p) => String(p.path[0])))
  for (const entity of entities) expect(at.has(entity), entity).toBe(true)
  for (const entity of entities)
    expect(
      problems.some((p) => p.path[0] === entity && p.message.en === "Expected an identifier, not an identity number"),
      entity,
    ).toBe(true)
  clean(JSON.stringify(problems), [secret])
}

describe("DatasetSubjects.of, hostile property", () => {
  const hostileId = fc.oneof(
    fc.constantFrom(...protoNames).map((id) => ({ id, secret: undefined as string | undefined })),
    fc
      .tuple(nationalIdText, fc.constantFrom("", "e-", "x:"), fc.constantFrom("", "-1", ".b"))
      .map(([n, pre, post]) => ({ id: `${pre}${n}${post}`, secret: n as string | undefined })),
  )
  const at = fc.tuple(fc.nat(), hostileId)
  const edits = fc.record({
    year: fc.nat({ max: years.length - 1 }),
    enrollments: fc.array(at, { maxLength: 4 }),
    attendance: fc.array(at, { maxLength: 4 }),
    goalEvaluations: fc.array(at, { maxLength: 2 }),
    fitScores: fc.array(at, { maxLength: 3 }),
    proposals: fc.array(at, { maxLength: 3 }),
    citizens: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...protoNames)), { maxLength: 2 }),
    dangling: fc.array(
      fc.tuple(
        fc.constantFrom("enrollment-citizen", "enrollment-offering", "fit-citizen", "goal-enrollment", "attendance"),
        fc.nat(),
        fc.constantFrom(...protoNames),
      ),
      { maxLength: 3 },
    ),
    noShows: fc.array(fc.nat(), { maxLength: 6 }),
    ownProto: fc.array(
      fc.tuple(
        fc.constantFrom("citizens", "offerings", "enrollments", "attendance", "fitScores", "proposals"),
        fc.nat(),
      ),
      { maxLength: 4 },
    ),
    topProto: fc.boolean(),
  })

  it("gives the reference's items, accounts for every record, leaks no number and pollutes nothing", () => {
    fc.assert(
      fc.property(edits, (ed) => {
        const d = copy(years[ed.year]!)
        const secrets: Array<string> = []
        const pick = <T>(xs: ReadonlyArray<T>, n: number): number | undefined =>
          xs.length === 0 ? undefined : n % xs.length
        for (const [n, { id, secret }] of ed.enrollments) {
          const i = pick(d.enrollments, n)
          if (i !== undefined) renameEnrollment(d, i, id)
          if (secret !== undefined) secrets.push(secret)
        }
        for (const list of ["attendance", "goalEvaluations", "fitScores", "proposals"] as const)
          for (const [n, { id, secret }] of ed[list]) {
            const i = pick(d[list], n)
            if (i !== undefined) d[list][i].id = id
            if (secret !== undefined) secrets.push(secret)
          }
        for (const [n, name] of ed.citizens) {
          const i = pick(d.citizens, n)
          if (i !== undefined) renameCitizen(d, i, name)
        }
        for (const [what, n, name] of ed.dangling) {
          const list =
            what === "fit-citizen"
              ? d.fitScores
              : what === "goal-enrollment"
                ? d.goalEvaluations
                : what === "attendance"
                  ? d.attendance
                  : d.enrollments
          const i = pick(list, n)
          if (i === undefined) continue
          if (what === "enrollment-offering") list[i].offeringId = name
          else if (what === "goal-enrollment" || what === "attendance") list[i].enrollmentId = name
          else list[i].citizenId = name
        }
        for (const n of ed.noShows) {
          const i = pick(d.attendance, n)
          if (i !== undefined) d.attendance[i].status = "no-show"
        }
        for (const [list, n] of ed.ownProto) {
          const i = pick(d[list], n)
          if (i !== undefined) d[list][i] = withOwnProto(d[list][i])
        }
        check(ed.topProto ? withOwnProto(d) : d, secrets)
      }),
      { numRuns: runs },
    )
  })
})
