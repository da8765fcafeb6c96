// decodeSubject checks by hand what Subject.decode checks with Effect's
// schemas: it must accept and reject the same inputs, build the same
// subject, say what is wrong in both languages, and never let a key of the
// input reach a prototype.
import { generate } from "@aktivitetsmodell/core/synthetic"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { decodeSubject } from "../../src/decide/index.js"
import { DatasetSubjects, InForce, Snapshot, Subject } from "../../src/index.js"
import { adult, fixture } from "../helpers.js"

const snapshot: Snapshot.Snapshot = JSON.parse(JSON.stringify(Snapshot.of(fixture())))
const catalogue = fixture().catalogue
const policy = InForce.policy(fixture())
// Subjects of every kind a year's records give: eligibility, enrollments, FIT, proposals.
const valid = DatasetSubjects.of(generate({ policy, seed: 3, year: 2024, citizens: 120 }), policy).map(
  (i) => JSON.parse(JSON.stringify(i.subject)) as Record<string, unknown>,
)

describe("decodeSubject", () => {
  it("accepts every subject of a synthetic year and builds what Subject.decode builds", () => {
    expect(valid.length).toBeGreaterThan(100)
    for (const input of valid) {
      const r = decodeSubject(input, snapshot)
      expect(r).toEqual(Subject.decode(input, catalogue))
      expect(r.ok).toBe(true)
    }
  })

  it("says what is wrong, where, in both languages, without echoing a value", () => {
    const r = decodeSubject(
      {
        citizen: { id: "01019012345", departments: ["rpha"], birthYear: 1800 },
        offering: 7,
        fit: { ors: 41 },
        enrollment: {},
      },
      snapshot,
    )
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          code: "schema",
          pointer: "/citizen/id",
          message: {
            en: "Expected a pseudonym: 32 lowercase hexadecimal characters",
            nb: "Forventet et pseudonym: 32 små heksadesimale tegn",
          },
        },
        {
          code: "schema",
          pointer: "/citizen/birthYear",
          message: { en: "Expected a whole number from 1900 to 2100", nb: "Forventet et heltall fra 1900 til 2100" },
        },
        { code: "schema", pointer: "/offering", message: { en: "Expected a text", nb: "Forventet en tekst" } },
        {
          code: "schema",
          pointer: "/enrollment/start",
          message: { en: "Missing: this field is required", nb: "Mangler: feltet må være med" },
        },
        {
          code: "schema",
          pointer: "/fit/ors",
          message: { en: "Expected a score from 0 to 40", nb: "Forventet en skår fra 0 til 40" },
        },
      ],
    })
    expect(JSON.stringify(r)).not.toContain("01019012345")
  })

  it("checks names against the snapshot's catalogue as Subject.decode does", () => {
    const input = { citizen: { departments: ["rpha", "rhpa"] }, offering: "karate" }
    expect(decodeSubject(input, snapshot)).toEqual(Subject.decode(input, catalogue))
    expect(decodeSubject(input, snapshot)).toMatchObject({
      ok: false,
      problems: [
        {
          pointer: "/offering",
          message: {
            en: 'Unknown offering "karate"; did you mean "karategruppe"?',
            nb: "Ukjent tilbud «karate»; mente du «karategruppe»?",
          },
        },
        { pointer: "/citizen/departments/1", message: { en: 'Unknown department "rhpa"; did you mean "rpha"?' } },
        { pointer: "/citizen", message: { en: 'The citizen needs "birthYear" or "birthDate"' } },
      ],
    })
  })

  it("refuses keys such as __proto__ and constructor, and lets none of them reach a prototype", () => {
    const hostile = JSON.parse(
      '{"citizen":{"birthYear":1990,"departments":["rpha"],"__proto__":{"polluted":true}},"offering":"karategruppe","constructor":{"prototype":{"polluted":true}}}',
    )
    const r = decodeSubject(hostile, snapshot)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems.map((p) => p.pointer)).toEqual(["/constructor", "/citizen/__proto__"])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const offering = decodeSubject({ citizen: adult, offering: "__proto__" }, snapshot)
    expect(offering).toMatchObject({
      ok: false,
      problems: [{ pointer: "/offering", message: { en: 'Unknown offering "__proto__"' } }],
    })
  })

  it("turns an input it cannot read into a problem, not an exception", () => {
    const throwing = {
      get citizen(): never {
        throw new Error("boom")
      },
    }
    expect(decodeSubject(throwing, snapshot)).toEqual({
      ok: false,
      problems: [
        {
          code: "unreadable",
          pointer: "",
          message: { en: "The subject could not be read", nb: "Situasjonen kunne ikke leses" },
        },
      ],
    })
    expect(decodeSubject("karategruppe", snapshot)).toEqual({
      ok: false,
      problems: [{ code: "schema", pointer: "", message: { en: "Expected an object", nb: "Forventet et objekt" } }],
    })
  })

  it("refuses a birth date outside its birth year in both entries, as core's Citizen does", () => {
    // A child's birth year with an adult's birth date: the age comes from the date, so it would decide.
    const input = { citizen: { birthYear: 2015, birthDate: "1990-05-17", departments: [] }, offering: "karategruppe" }
    const expected = {
      ok: false,
      problems: [
        {
          code: "schema",
          pointer: "/citizen/birthDate",
          message: {
            en: 'Expected "birthDate" to fall in "birthYear"',
            nb: "Forventet at «birthDate» er i «birthYear»",
          },
        },
      ],
    }
    expect(decodeSubject(input, snapshot)).toEqual(expected)
    expect(Subject.decode(input, catalogue)).toEqual(expected)
    const agreeing = { ...input, citizen: { ...input.citizen, birthYear: 1990 } }
    expect(decodeSubject(agreeing, snapshot).ok).toBe(true)
    expect(Subject.decode(agreeing, catalogue).ok).toBe(true)
  })

  it("names a wrong birth date once, with the same message in both entries", () => {
    for (const birthDate of ["2023-02-29", "1990-5-17", "abc", "1899-12-31", "0001-01-01"]) {
      const input = { citizen: { birthDate, departments: [] }, offering: "karategruppe" }
      const lean = decodeSubject(input, snapshot)
      const full = Subject.decode(input, catalogue)
      const messages = (r: typeof lean | typeof full) => (r.ok ? [] : r.problems.map((p) => p.message.en))
      expect(messages(full), birthDate).toEqual(messages(lean))
      expect(messages(lean), birthDate).toHaveLength(1)
    }
  })

  it("accepts and rejects exactly what Subject.decode does, builds the same subject and words the same problems", () => {
    fc.assert(
      fc.property(fc.constantFrom(...valid), fc.array(edit, { minLength: 1, maxLength: 3 }), (base, edits) => {
        const input = edits.reduce(apply, structuredClone(base))
        expect(decodeSubject(input, snapshot)).toEqual(Subject.decode(input, catalogue))
      }),
      { numRuns: 2000 },
    )
  })

  it("words a wrong type as the field needs it, in both entries", () => {
    const input = {
      citizen: { departments: "rpha", birthYear: "1990" },
      offering: 1,
      fit: { ors: "20", offTrack: 0 },
    }
    const expected = {
      ok: false,
      problems: [
        {
          code: "schema",
          pointer: "/citizen/birthYear",
          message: { en: "Expected a whole number from 1900 to 2100", nb: "Forventet et heltall fra 1900 til 2100" },
        },
        {
          code: "schema",
          pointer: "/citizen/departments",
          message: { en: "Expected a list", nb: "Forventet en liste" },
        },
        { code: "schema", pointer: "/offering", message: { en: "Expected a text", nb: "Forventet en tekst" } },
        {
          code: "schema",
          pointer: "/fit/ors",
          message: { en: "Expected a score from 0 to 40", nb: "Forventet en skår fra 0 til 40" },
        },
        {
          code: "schema",
          pointer: "/fit/offTrack",
          message: { en: "Expected true or false", nb: "Forventet true eller false" },
        },
      ],
    }
    expect(Subject.decode(input, catalogue)).toEqual(expected)
    expect(decodeSubject(input, snapshot)).toEqual(expected)
  })
})

// What an edit may set each field to: values on both sides of each limit,
// values of the wrong type, and keys no subject has. Any edit may also
// remove the field or set it to undefined or null.
const dates = ["2024-02-29", "2023-02-29", "2024-3-01", 20240301]
const booleans = [true, false, "true", 0]
const counts = (max: number) => [0, max, max + 1, -1, 1.5, "1"]
const scores = [0, 40, 40.5, -0.5, 39.5, Number.NaN, Number.POSITIVE_INFINITY, "20"]
const anything = [1, "x", {}, []]
const pools: Readonly<Record<string, ReadonlyArray<unknown>>> = {
  citizen: [{ birthYear: 1990, departments: [] }, {}, []],
  "citizen.id": ["0f1e2d3c4b5a69788796a5b4c3d2e1f0", "0F1E2D3C4B5A69788796A5B4C3D2E1F0", "x", 1],
  "citizen.birthYear": [1900, 2100, 1899, 2101, 1990.5, "1990", 1990],
  "citizen.birthDate": [...dates, "0001-01-01", "1899-12-31", "1900-01-01", "2100-12-31", "2101-01-01", "1990-05-17"],
  "citizen.departments": [[], ["rpha"], ["nope"], [1], "rpha"],
  "citizen.departments.0": ["rpha", "rhpa", 1],
  "citizen.healthyLifeCentre": booleans,
  "citizen.pathway": [1, 3, 0, 4, "1", 2.5],
  "citizen.extra": anything,
  offering: ["karategruppe", "karate", "", 1, "01019012345"],
  referral: booleans,
  jointMeetingHeld: booleans,
  intakeRegistered: booleans,
  applied: booleans,
  individualDecision: booleans,
  newApplication: booleans,
  bindingRegistration: booleans,
  enrollment: [{ start: "2024-03-01" }, {}, []],
  "enrollment.start": dates,
  "enrollment.periodStart": dates,
  "enrollment.cohort": ["2024-03", "2024-13", "2024-3", 202403],
  "enrollment.sessionsUsed": counts(1000),
  "enrollment.sessionsThisWeek": counts(100),
  "enrollment.extensionsUsed": counts(100),
  "enrollment.consecutiveNoShows": counts(1000),
  "enrollment.extensionRequested": booleans,
  "enrollment.activityStarted": booleans,
  "enrollment.stillNeeded": booleans,
  "enrollment.movedToCommunity": booleans,
  "enrollment.goalReached": ["yes", "partly", "no", "maybe", true],
  "enrollment.extra": anything,
  fit: [{}, { ors: 10 }, []],
  "fit.ors": scores,
  "fit.srs": scores,
  "fit.offTrack": booleans,
  proposal: [{ requested: true, category: "everyday" }, { requested: true }, { category: "everyday" }, {}],
  "proposal.requested": booleans,
  "proposal.decision": ["approved", "declined", "pending", "maybe"],
  "proposal.byDepartment": ["rpha", "rhpa", 1],
  "proposal.category": ["treatment", "department", "hobby", 1],
  ["__proto__"]: anything,
  constructor: anything,
  toString: anything,
  extra: anything,
  // A key written as an identity number: both entries mask it in the pointer alike.
  "010190 12345": anything,
}
const removed = Symbol("removed")
const edit = fc
  .constantFrom(...Object.keys(pools))
  .chain((path) =>
    fc
      .constantFrom(...pools[path]!, removed, undefined, null)
      .map((value) => [path.split(".").map((k) => (/^\d+$/u.test(k) ? Number(k) : k)), value] as const),
  )

/** `input` with the value at `path` set (as an own property, even "__proto__") or removed. */
const apply = (
  input: Record<string, unknown>,
  [path, value]: readonly [ReadonlyArray<string | number>, unknown],
): Record<string, unknown> => {
  let at: Record<string | number, unknown> = input
  for (const key of path.slice(0, -1)) {
    // A field inside one the input lacks: the parent is made, so the field itself is checked.
    if (!Object.hasOwn(at, key)) at[key] = {}
    const next = at[key]
    if (typeof next !== "object" || next === null) return input
    at = next as Record<string | number, unknown>
  }
  const last = path[path.length - 1]!
  if (value === removed) delete at[last]
  else
    Object.defineProperty(at, last, {
      value: structuredClone(value),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  return input
}
