// Hostile records through Batch.decode, whose compiled fast path answers most
// records without Effect. A corpus of named cases first — ids at and past
// their 64-character limit, ids with ':' and '/', pseudonyms in the wrong case
// or length, dates in other digits or shapes, prototype keys, null-prototype
// objects, symbol keys, getters, arrays, extra, missing, reordered and
// inherited keys, identity numbers in ids, free text and keys — then
// properties over mixes of valid and mutated records: valid + rejected =
// input at the right indices, every verdict and output equal to Effect's own
// decoding (key order included), no message that shows an identity number,
// and no prototype changed. FUZZ_RUNS sets the run count.
import { Result, Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Batch, Citizen, Enrollment, Feedback, FitScore, JointMeeting, Referral } from "../../src/index.js"
import * as Redact from "../../src/Redact.js"
import * as arb from "../arbitraries.js"

const runs = Number(process.env.FUZZ_RUNS ?? 300)

type AnySchema = Parameters<typeof Batch.decode>[0]
type Rec = Record<string, unknown>
type BatchResult = ReturnType<typeof Batch.decode>

const FNRS = [
  "01019012345",
  "010190 12345",
  "010190-12345",
  "01.01.90.123.45",
  "31129956715",
  "010190/12345",
  "010190 / 12345",
] as const
// The patterns beside the schemas, as independent oracles.
const idPattern = /^[A-Za-z0-9_.:-]{1,64}$/u
const pseudonymPattern = /^[0-9a-f]{32}$/u
const ID_MESSAGE = "Expected an identifier of 1–64 letters, digits, '_', '-', '.' or ':'"
const PSEUDONYM_MESSAGE = "Expected a pseudonym: 32 lowercase hexadecimal characters"
const DATE_MESSAGE = "Expected an existing calendar date as YYYY-MM-DD"

const PSEUDONYM = "0f1e2d3c4b5a69788796a5b4c3d2e1f0"
const referral: Rec = {
  id: "r-1",
  citizenId: PSEUDONYM,
  therapistId: "s-2",
  offeringId: "turgruppe",
  date: "2024-01-08",
}
const enrollment: Rec = {
  id: "n-1",
  citizenId: PSEUDONYM,
  offeringId: "turgruppe",
  start: "2024-01-08",
  status: "ongoing",
}
const feedback: Rec = {
  id: "b-1",
  source: "citizen",
  date: "2024-09-23",
  theme: "oppmøtested",
  rating: 4,
  comment: "ok",
}
const jointMeeting: Rec = {
  id: "m-1",
  referralId: "r-1",
  citizenId: PSEUDONYM,
  therapistId: "s-1",
  teamMemberId: "s-2",
  date: "2024-08-26",
  goal: { text: "Gå tur", measure: "Turer per uke" },
}

// ---------------------------------------------------------------------------
// Oracles and checks shared by the corpus and the properties.

type Verdict = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly threw: boolean }

/** Effect's own decoding of one record, with Batch.decode's options. */
const effectVerdict = (schema: AnySchema, record: unknown): Verdict => {
  try {
    const r = Schema.decodeUnknownResult(schema as unknown as Schema.Codec<unknown, unknown>)(record, {
      errors: "all",
      onExcessProperty: "error",
    })
    return Result.isSuccess(r) ? { ok: true, value: r.success } : { ok: false, threw: false }
  } catch {
    return { ok: false, threw: true }
  }
}

type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly rejected: BatchResult["rejected"][number] }

/** Each input record's outcome in a batch result: valid records are in input order, rejected ones carry their index. */
const outcomes = (result: BatchResult, n: number): Array<Outcome> => {
  expect(result.total).toBe(n)
  expect(result.valid.length + result.rejected.length).toBe(n)
  const rejected = new Map(result.rejected.map((r) => [r.index, r]))
  expect(rejected.size).toBe(result.rejected.length)
  for (const r of result.rejected) {
    expect(Number.isInteger(r.index) && r.index >= 0 && r.index < n).toBe(true)
    expect(r.problems.length).toBeGreaterThan(0)
  }
  const out: Array<Outcome> = []
  let v = 0
  for (let i = 0; i < n; i++) {
    const r = rejected.get(i)
    out.push(r === undefined ? { ok: true, value: result.valid[v++] } : { ok: false, rejected: r })
  }
  expect(v).toBe(result.valid.length)
  return out
}

/** Every text a person or a log could see of the problems, in both languages. */
const shownTexts = (result: BatchResult): Array<string> => [
  JSON.stringify(result.rejected.map((r) => [r.index, r.line, r.problems])),
  Batch.report(result, "en"),
  Batch.report(result, "nb"),
  ...result.rejected.flatMap((r) =>
    r.problems.flatMap((p) => [p.message.en, p.message.nb, p.field, p.pointer, JSON.stringify(p.path)]),
  ),
]

const expectNoNationalIdShown = (result: BatchResult): void => {
  for (const text of shownTexts(result)) {
    expect(Redact.containsNationalId(text), text).toBe(false)
    for (const f of FNRS) expect(text).not.toContain(f)
  }
}

const ownNames = (proto: object): Array<string> => Reflect.ownKeys(proto).map(String).sort()
const prototypesBefore = {
  object: ownNames(Object.prototype),
  array: ownNames(Array.prototype),
  objectValues: Reflect.ownKeys(Object.prototype).map((k) => Object.getOwnPropertyDescriptor(Object.prototype, k)),
}
const expectNoPollution = (): void => {
  expect(({} as Rec).polluted).toBeUndefined()
  expect(([] as unknown as Rec).polluted).toBeUndefined()
  expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  expect(Object.getPrototypeOf(Object.prototype)).toBeNull()
  expect(Object.getPrototypeOf([])).toBe(Array.prototype)
  expect(ownNames(Object.prototype)).toEqual(prototypesBefore.object)
  expect(ownNames(Array.prototype)).toEqual(prototypesBefore.array)
  expect(Reflect.ownKeys(Object.prototype).map((k) => Object.getOwnPropertyDescriptor(Object.prototype, k))).toEqual(
    prototypesBefore.objectValues,
  )
}

/**
 * Decodes `records` with Batch.decode and holds every record's outcome equal
 * to Effect's: the same verdict, an equal output with the same keys in the
 * same order and the same prototype; a rejection at its own index holding
 * the very input record. Then no identity number shown, no prototype changed.
 */
const decodeAgreeing = (
  schema: AnySchema,
  records: ReadonlyArray<unknown>,
  options: { readonly fromJson?: boolean } = {},
): BatchResult => {
  const result = Batch.decode(schema, records, options)
  const got = outcomes(result, records.length)
  records.forEach((record, i) => {
    const want = effectVerdict(schema, record)
    const g = got[i]!
    expect(g.ok, `record ${i}: Batch.decode and Effect disagree on validity`).toBe(want.ok)
    if (want.ok && g.ok) {
      expect(g.value).toEqual(want.value)
      if (typeof want.value === "object" && want.value !== null) {
        expect(Reflect.ownKeys(g.value as object)).toEqual(Reflect.ownKeys(want.value))
        expect(Object.getPrototypeOf(g.value)).toBe(Object.getPrototypeOf(want.value))
      }
    }
    if (!g.ok) {
      expect(g.rejected.index).toBe(i)
      expect(g.rejected.record).toBe(record)
      if (!want.ok && want.threw) expect(g.rejected.problems.map((p) => p.code)).toEqual(["unreadable"])
    }
  })
  expectNoNationalIdShown(result)
  expectNoPollution()
  return result
}

/** The single record's problems as [field, English message]. */
const problemsOf = (result: BatchResult): Array<[string, string]> =>
  result.rejected.flatMap((r) => r.problems.map((p): [string, string] => [p.field, p.message.en]))

/** Decodes one record both ways (copying and fromJson where it is JSON data) and returns the copying result. */
const one = (schema: AnySchema, record: unknown, json = false): BatchResult => {
  const result = decodeAgreeing(schema, [record])
  if (json) {
    const reused = decodeAgreeing(schema, [record], { fromJson: true })
    expect(reused.valid).toEqual(result.valid)
    expect(reused.rejected.map((r) => [r.index, r.problems])).toEqual(result.rejected.map((r) => [r.index, r.problems]))
  }
  return result
}

const short = (s: string): string =>
  s.length > 24
    ? `${JSON.stringify(s.slice(0, 4))}…${JSON.stringify(s.slice(-2))} (${s.length} chars)`
    : JSON.stringify(s)

/** A referral with `value` in `field`: kept as it is when `accepted`, else refused at that field with `message`. */
const expectReferralField = (field: string, value: string, accepted: boolean, message: string): void => {
  const result = one(Referral.Referral, { ...referral, [field]: value }, true)
  expect(result.valid.length).toBe(accepted ? 1 : 0)
  if (accepted) expect((result.valid[0] as Rec)[field]).toBe(value)
  else expect(problemsOf(result)).toEqual([[field, message]])
}

// ---------------------------------------------------------------------------

describe("hostile ids (RecordId: /^[A-Za-z0-9_.:-]{1,64}$/)", () => {
  const a = (n: number) => "a".repeat(n)
  const cases: ReadonlyArray<readonly [string, boolean]> = [
    [a(1), true],
    [a(63), true],
    [a(64), true],
    [a(65), false],
    [`${a(63)}:`, true],
    [`:${a(63)}`, true],
    [`${a(64)}:`, false],
    [`r:${"1".repeat(62)}`, true],
    [`r:${"1".repeat(63)}`, false],
    [":", true],
    [":a", true],
    ["a:", true],
    ["a::b", true],
    ["::", true],
    ["-", true],
    [".", true],
    ["_", true],
    ["..", true],
    ["r_1.x-y:Z9", true],
    ["/", false],
    ["/a", false],
    ["a/", false],
    ["a//b", false],
    ["r-1/2", false],
    ["", false],
    [" r-1", false],
    ["r-1 ", false],
    ["r-1\n", false],
    ["r-1\t", false],
    ["r\u00001", false],
    ["ø", false],
    ["\uff52-1", false], // full-width r
    ["r-\uff11", false], // full-width 1
    ["r-\u0661", false], // Arabic-Indic 1
    ["\ud83d\ude00", false],
    ["\ud83d", false],
    ["@", false],
    ["[", false],
    ["`", false],
    ["{", false],
    [";", false],
    [",", false],
    ["a\\b", false],
    ["a+b", false],
  ]

  it("the case table follows the pattern itself", () => {
    for (const [value, accepted] of cases) expect(idPattern.test(value), short(value)).toBe(accepted)
  })

  for (const field of ["id", "therapistId"] as const)
    it.each(cases.map(([value, accepted]) => ({ value, accepted, name: short(value) })))(
      `${field} $name: accepted $accepted, as Effect decides`,
      ({ value, accepted }) => expectReferralField(field, value, accepted, ID_MESSAGE),
    )
})

describe("hostile pseudonyms (/^[0-9a-f]{32}$/)", () => {
  const cases: ReadonlyArray<readonly [string, string, boolean]> = [
    ["lower-case hex", PSEUDONYM, true],
    ["all digits", "0".repeat(32), true],
    ["upper-case hex", PSEUDONYM.toUpperCase(), false],
    ["one upper-case letter", `${PSEUDONYM.slice(0, 31)}F`, false],
    ["one char short", PSEUDONYM.slice(0, 31), false],
    ["one char long", `${PSEUDONYM}0`, false],
    ["64 chars", PSEUDONYM.repeat(2), false],
    ["a 'g'", `${PSEUDONYM.slice(0, 31)}g`, false],
    ["full-width digit", `\uff10${PSEUDONYM.slice(1)}`, false],
    ["Arabic-Indic digit", `\u0660${PSEUDONYM.slice(1)}`, false],
    ["trailing newline", `${PSEUDONYM}\n`, false],
    ["0x prefix", `0x${PSEUDONYM.slice(2)}`, false],
    ["':' inside", `${PSEUDONYM.slice(0, 16)}:${PSEUDONYM.slice(17)}`, false],
    ["empty", "", false],
  ]

  it("the case table follows the pattern itself", () => {
    for (const [, value, accepted] of cases) expect(pseudonymPattern.test(value)).toBe(accepted)
  })

  it.each(cases.map(([name, value, accepted]) => ({ name, value, accepted })))(
    "citizenId with $name: accepted $accepted, as Effect decides",
    ({ value, accepted }) => expectReferralField("citizenId", value, accepted, PSEUDONYM_MESSAGE),
  )

  it("a citizen's own id follows the same pattern", () => {
    const citizen = { id: PSEUDONYM, birthYear: 1990, departments: ["rpha"], healthyLifeCentre: false, pathway: 2 }
    expect(one(Citizen.Citizen, citizen, true).valid).toHaveLength(1)
    expect(problemsOf(one(Citizen.Citizen, { ...citizen, id: PSEUDONYM.toUpperCase() }, true))).toEqual([
      ["id", PSEUDONYM_MESSAGE],
    ])
  })
})

describe("hostile dates (an existing day as YYYY-MM-DD, ASCII digits)", () => {
  const cases: ReadonlyArray<readonly [string, boolean]> = [
    ["2024-01-01", true],
    ["2024-02-29", true],
    ["2000-02-29", true],
    ["2024-12-31", true],
    ["2024-1-01", false],
    ["2024-01-1", false],
    ["2024-02-30", false],
    ["2023-02-29", false],
    ["1900-02-29", false],
    ["2024-04-31", false],
    ["2024-13-01", false],
    ["2024-00-10", false],
    ["2024-01-00", false],
    ["2024-01-32", false],
    ["\uff12\uff10\uff12\uff14-\uff10\uff11-\uff10\uff11", false], // ２０２４-０１-０１
    ["\u0662\u0660\u0662\u0664-\u0660\u0661-\u0660\u0661", false], // Arabic-Indic
    ["\u06f2\u06f0\u06f2\u06f4-\u06f0\u06f1-\u06f0\u06f1", false], // Extended Arabic-Indic
    ["2024-01-0\uff11", false],
    ["+02024-01-01", false],
    ["-2024-01-01", false],
    ["2024-01-01 ", false],
    [" 2024-01-01", false],
    ["2024-01-01\n", false],
    ["2024-01-01T00:00", false],
    ["2024-01-01T00:00:00Z", false],
    ["2024/01/01", false],
    ["2024\u201001-01", false], // a Unicode hyphen
    ["20240101", false],
    ["2024-0a-01", false],
    ["2024-/1-01", false],
    ["", false],
  ]

  /** Independent of Calendar: the shape, then the day through Date.UTC. */
  const oracle = (s: string): boolean => {
    if (!/^\d{4}-\d{2}-\d{2}$/u.test(s)) return false
    const [y, m, d] = s.split("-").map(Number) as [number, number, number]
    const t = new Date(Date.UTC(2000, m - 1, d))
    t.setUTCFullYear(y)
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
  }

  it("the case table follows the independent oracle", () => {
    for (const [value, accepted] of cases) expect(oracle(value), JSON.stringify(value)).toBe(accepted)
  })

  it.each(cases.map(([value, accepted]) => ({ value, accepted, name: JSON.stringify(value) })))(
    "date $name: accepted $accepted, as Effect decides",
    ({ value, accepted }) => expectReferralField("date", value, accepted, DATE_MESSAGE),
  )

  it("any near-date text is accepted exactly when the oracle accepts it (property)", () => {
    const unit = fc.constantFrom(..."0123456789-/ T:".split(""), "\uff10", "\u0660", "\u00a0")
    const near = fc.oneof(
      fc.string({ minLength: 8, maxLength: 12, unit }),
      fc
        .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(
          ([y, m, d]) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
        ),
    )
    fc.assert(
      fc.property(near, (date) => {
        const result = decodeAgreeing(Referral.Referral, [{ ...referral, date }])
        expect(result.valid.length).toBe(oracle(date) ? 1 : 0)
      }),
      { numRuns: runs },
    )
  })
})

describe("hostile record shapes", () => {
  const withKeyFirst = (key: string, value: unknown, base: Rec): Rec =>
    JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)},${JSON.stringify(base).slice(1)}`) as Rec

  it("an own __proto__ key (as JSON.parse makes it) is an excess field, and pollutes nothing", () => {
    const record = withKeyFirst("__proto__", { polluted: 1 }, enrollment)
    expect(Object.hasOwn(record, "__proto__")).toBe(true)
    const result = one(Enrollment.Enrollment, record, true)
    expect(result.valid).toEqual([])
    expect(problemsOf(result)).toEqual([["__proto__", "Expected no excess property"]])
    expect(result.rejected[0]!.problems[0]!.message.nb).toBe("Ukjent felt: det er ikke tillatt her")
  })

  it.each(["constructor", "prototype", "__defineGetter__", "hasOwnProperty", "toString"])(
    "an own %s key is an excess field",
    (key) => {
      const record = withKeyFirst(key, { prototype: { polluted: 1 } }, enrollment)
      const result = one(Enrollment.Enrollment, record, true)
      expect(problemsOf(result)).toEqual([[key, "Expected no excess property"]])
    },
  )

  it("an own __proto__ key inside a nested struct is an excess field of that struct", () => {
    const record = JSON.parse(
      JSON.stringify(jointMeeting).replace('"goal":{', '"goal":{"__proto__":{"polluted":1},'),
    ) as Rec
    const result = one(JointMeeting.JointMeeting, record, true)
    expect(problemsOf(result)).toEqual([["goal.__proto__", "Expected no excess property"]])
  })

  it("a record with a null prototype decodes to Effect's plain object", () => {
    const record = Object.assign(Object.create(null) as Rec, enrollment)
    const result = one(Enrollment.Enrollment, record)
    expect(result.valid).toEqual([enrollment])
    expect(Object.getPrototypeOf(result.valid[0])).toBe(Object.prototype)
  })

  it("an enumerable symbol key is an excess field; a hidden one is not", () => {
    const shown = { ...enrollment, [Symbol("x")]: 1 }
    const result = one(Enrollment.Enrollment, shown)
    expect(result.valid).toEqual([])
    expect(problemsOf(result)).toEqual([["Symbol(x)", "Expected no excess property"]])
    const hidden = { ...enrollment }
    Object.defineProperty(hidden, Symbol("y"), { value: 1, enumerable: false })
    expect(one(Enrollment.Enrollment, hidden).valid).toEqual([enrollment])
  })

  // `record` with an `id` getter that gives "n-9" and counts its reads.
  const withCountingId = (record: Rec): { record: Rec; calls: () => number } => {
    let calls = 0
    Object.defineProperty(record, "id", {
      get: () => {
        calls++
        return "n-9"
      },
      enumerable: true,
    })
    return { record, calls: () => calls }
  }

  it("a getter is read once for a valid record and its value is copied, not the getter", () => {
    const { record, calls } = withCountingId({ ...enrollment })
    const result = Batch.decode(Enrollment.Enrollment, [record])
    expect(calls()).toBe(1)
    expect(result.valid).toEqual([{ ...enrollment, id: "n-9" }])
    expect(Object.getOwnPropertyDescriptor(result.valid[0], "id")).toMatchObject({ value: "n-9" })
    // Reading the output does not run the getter again.
    expect((result.valid[0] as Rec).id).toBe("n-9")
    expect(calls()).toBe(1)
  })

  it("a getter on an invalid record is read at most twice (fast path, then Effect)", () => {
    const { record, calls } = withCountingId({ ...enrollment, status: "unknown" })
    const result = Batch.decode(Enrollment.Enrollment, [record])
    expect(problemsOf(result)).toEqual([["status", 'Expected "ongoing" | "completed" | "withdrawn"']])
    expect(calls()).toBeGreaterThanOrEqual(1)
    expect(calls()).toBeLessThanOrEqual(2)
  })

  it("a getter that answers differently each time never lets an invalid value through", () => {
    let calls = 0
    const record = { ...enrollment }
    Object.defineProperty(record, "start", {
      get: () => (calls++ % 2 === 0 ? "2024-02-30" : "2024-02-29"),
      enumerable: true,
    })
    const result = Batch.decode(Enrollment.Enrollment, [record])
    // Whatever Batch.decode answers, a valid output decodes again and holds a plain value.
    for (const v of result.valid) {
      expect(effectVerdict(Enrollment.Enrollment, v).ok).toBe(true)
      expect(Object.getOwnPropertyDescriptor(v, "start")).toMatchObject({ value: "2024-02-29" })
    }
    expect(result.valid.length + result.rejected.length).toBe(1)
  })

  it("a throwing getter rejects only its record, as unreadable, without showing the error's text", () => {
    const record = { ...enrollment }
    Object.defineProperty(record, "citizenId", {
      get: () => {
        throw new Error("fnr 01019012345")
      },
      enumerable: true,
    })
    const result = decodeAgreeing(Enrollment.Enrollment, [enrollment, record, enrollment])
    expect(result.valid).toEqual([enrollment, enrollment])
    expect(result.rejected.map((r) => [r.index, r.problems.map((p) => p.code)])).toEqual([[1, ["unreadable"]]])
  })

  it("a list with a throwing index rejects only that place", () => {
    const list = [enrollment, enrollment, enrollment]
    Object.defineProperty(list, 1, {
      get: () => {
        throw new Error("01019012345")
      },
    })
    const result = Batch.decode(Enrollment.Enrollment, list)
    expect(result.valid).toHaveLength(2)
    expect(result.rejected.map((r) => [r.index, r.record, r.problems[0]!.code])).toEqual([[1, undefined, "unreadable"]])
    expectNoNationalIdShown(result)
  })

  it.each([
    { name: "an array holding the record", record: [enrollment] },
    { name: "the record's values as an array", record: Object.values(enrollment) },
    { name: "an empty array", record: [] },
    { name: "an array with the record's keys", record: Object.assign([], enrollment) },
    { name: "a string", record: JSON.stringify(enrollment) },
    { name: "null", record: null },
    { name: "a function", record: Object.assign(() => 0, enrollment) },
  ])("$name where a record is expected is rejected as a whole", ({ record }) => {
    const result = one(Enrollment.Enrollment, record)
    expect(problemsOf(result)).toEqual([["", "Expected Enrollment"]])
  })

  it("an array-like object where a list is expected is rejected at that field", () => {
    const fit = {
      id: "o-1",
      citizenId: PSEUDONYM,
      date: "2024-08-30",
      instrument: "ORS",
      items: [4.5, 2, 4, 0],
      total: 10.5,
    }
    expect(one(FitScore.FitScore, fit, true).valid).toEqual([fit])
    const arrayLike = { ...fit, items: { 0: 4.5, 1: 2, 2: 4, 3: 0, length: 4 } }
    expect(problemsOf(one(FitScore.FitScore, arrayLike, true))).toEqual([["items", "Expected array"]])
    // A list of the wrong length, and one with a hole.
    const holed = [4.5, 2, 4, 0]
    delete holed[2]
    expect(one(FitScore.FitScore, { ...fit, items: [4.5, 2, 4, 0, 0] }, true).valid).toEqual([])
    expect(one(FitScore.FitScore, { ...fit, items: holed }).valid).toEqual([])
  })

  it("extra keys are excess fields, each reported", () => {
    const result = one(Enrollment.Enrollment, { ...enrollment, extra: 1, note: "x" }, true)
    expect(problemsOf(result)).toEqual([
      ["extra", "Expected no excess property"],
      ["note", "Expected no excess property"],
    ])
  })

  it("missing keys are each reported", () => {
    const { citizenId: _c, status: _s, ...rest } = enrollment
    const result = one(Enrollment.Enrollment, rest, true)
    expect(result.rejected.flatMap((r) => r.problems.map((p) => [p.field, p.message.en, p.message.nb]))).toEqual([
      ["citizenId", "Missing key", "Mangler felt"],
      ["status", "Missing key", "Mangler felt"],
    ])
  })

  it("keys in another order decode to Effect's output, keys in Effect's order, in both modes", () => {
    const full = { ...enrollment, end: "2024-06-01", referralId: "r-1", cohort: "2024-01", closedOn: "2024-06-01" }
    for (const record of [
      Object.fromEntries(Object.entries(enrollment).reverse()),
      Object.fromEntries(Object.entries(full).reverse()),
      Object.fromEntries(Object.entries(full).sort(([x], [y]) => (x < y ? -1 : 1))),
    ]) {
      const want = effectVerdict(Enrollment.Enrollment, record)
      expect(want.ok).toBe(true)
      for (const fromJson of [false, true]) {
        const result = decodeAgreeing(Enrollment.Enrollment, [JSON.parse(JSON.stringify(record))], { fromJson })
        expect(Object.keys(result.valid[0] as Rec)).toEqual(Object.keys(want.ok ? (want.value as Rec) : {}))
      }
    }
  })

  it("a frozen record and a class instance decode as Effect decodes them", () => {
    class Row {
      id = "n-1"
      citizenId = PSEUDONYM
      offeringId = "turgruppe"
      start = "2024-01-08"
      status = "ongoing"
    }
    expect(one(Enrollment.Enrollment, Object.freeze({ ...enrollment })).valid).toEqual([enrollment])
    expect(one(Enrollment.Enrollment, new Row()).valid).toEqual([enrollment])
  })

  it("a required field on the prototype decodes as Effect decodes it", () => {
    const { status: _s, ...rest } = enrollment
    const record = Object.assign(Object.create({ status: "completed" }) as Rec, rest)
    expect(one(Enrollment.Enrollment, record).valid).toEqual([{ ...enrollment, status: "completed" }])
  })

  // Effect reads a declared field with `key in input` (inherited ones too); the
  // fast path looks only at own keys, so an optional field on the prototype is
  // dropped from the output, or accepted when Effect rejects it.
  it("an optional field on the prototype is in the output, as Effect gives it", () => {
    const record = Object.assign(Object.create({ end: "2024-12-31" }) as Rec, enrollment)
    expect(effectVerdict(Enrollment.Enrollment, record)).toEqual({
      ok: true,
      value: { ...enrollment, end: "2024-12-31" },
    })
    const result = Batch.decode(Enrollment.Enrollment, [record])
    expect(result.valid).toEqual([{ ...enrollment, end: "2024-12-31" }])
  })

  it("an invalid optional field on the prototype is rejected, as Effect rejects it", () => {
    const record = Object.assign(Object.create({ end: 42 }) as Rec, enrollment)
    expect(effectVerdict(Enrollment.Enrollment, record).ok).toBe(false)
    const result = Batch.decode(Enrollment.Enrollment, [record])
    expect(result.valid).toEqual([])
    // The same problem as the field gives when it is the record's own.
    const own = Batch.decode(Enrollment.Enrollment, [{ ...enrollment, end: 42 }])
    expect(problemsOf(result)).toEqual(problemsOf(own))
    expect(problemsOf(result).map(([field]) => field)).toEqual(["end"])
  })
})

describe("a polluted Object.prototype", () => {
  // Every object inherits an enumerable `closedOn`, the schema's last field:
  // Effect reads it as the field, so JSON data without one must not come back
  // as it is. Its keys are in the schema's order, inherited one included.
  it("gives Effect's output in both modes, never the record itself without the inherited field", () => {
    const proto = Object.prototype as Rec
    try {
      proto.closedOn = "2024-12-31"
      const json = JSON.parse(JSON.stringify(enrollment)) as Rec
      const want = effectVerdict(Enrollment.Enrollment, json)
      expect(want).toEqual({ ok: true, value: { ...enrollment, closedOn: "2024-12-31" } })
      for (const fromJson of [false, true]) {
        const got = Batch.decode(Enrollment.Enrollment, [json], { fromJson }).valid[0] as Rec
        expect(got, `fromJson ${fromJson}`).not.toBe(json)
        expect(Object.hasOwn(got, "closedOn"), `fromJson ${fromJson}`).toBe(true)
        expect({ ...got }).toEqual(want.ok ? want.value : undefined)
      }
    } finally {
      delete proto.closedOn
    }
    expect(({} as Rec).closedOn).toBeUndefined()
  })
})

describe("national identity numbers in records", () => {
  it.each(FNRS.map((fnr) => ({ fnr })))("$fnr in an id field is accepted only as the id pattern allows", ({ fnr }) => {
    // RecordId does not forbid a number written in its characters; only the pattern decides.
    const result = one(Referral.Referral, { ...referral, id: fnr, therapistId: fnr }, true)
    expect(result.valid.length).toBe(idPattern.test(fnr) ? 1 : 0)
    if (!idPattern.test(fnr))
      expect(problemsOf(result)).toEqual([
        ["id", ID_MESSAGE],
        ["therapistId", ID_MESSAGE],
      ])
  })

  it("the forms with a space or a slash are never ids; the others are", () => {
    expect(FNRS.map((f) => idPattern.test(f))).toEqual([true, false, true, true, true, false, false])
  })

  it.each(FNRS.map((fnr) => ({ fnr })))("$fnr is never a pseudonym, and no problem shows it", ({ fnr }) => {
    const result = one(Referral.Referral, { ...referral, citizenId: fnr }, true)
    expect(problemsOf(result)).toEqual([["citizenId", PSEUDONYM_MESSAGE]])
  })

  it.each(FNRS.map((fnr) => ({ fnr })))("$fnr in free text is accepted as text", ({ fnr }) => {
    const fb = { ...feedback, theme: fnr, comment: `fnr ${fnr}` }
    expect(one(Feedback.Feedback, fb, true).valid).toEqual([fb])
    const jm = { ...jointMeeting, goal: { text: fnr, measure: `${fnr}!` } }
    expect(one(JointMeeting.JointMeeting, jm, true).valid).toEqual([jm])
  })

  it.each(FNRS.map((fnr) => ({ fnr })))("$fnr in every other place: rejected, and no problem shows it", ({ fnr }) => {
    const records: ReadonlyArray<readonly [AnySchema, unknown]> = [
      [Feedback.Feedback, { ...feedback, theme: fnr, comment: fnr, rating: 9 }],
      [Feedback.Feedback, { ...feedback, source: fnr, date: fnr }],
      [Feedback.Feedback, { ...feedback, rating: Number(fnr.replace(/\D/gu, "")) }],
      [Feedback.Feedback, { ...feedback, theme: "", comment: [fnr] }],
      [Enrollment.Enrollment, { ...enrollment, status: fnr, offeringId: fnr, start: fnr, cohort: fnr }],
      [Enrollment.Enrollment, { ...enrollment, [fnr]: fnr }],
      [JointMeeting.JointMeeting, { ...jointMeeting, goal: { ...(jointMeeting.goal as Rec), [fnr]: fnr } }],
      [JointMeeting.JointMeeting, { ...jointMeeting, goal: fnr }],
      [Citizen.Citizen, { id: fnr, birthYear: fnr, departments: [fnr], healthyLifeCentre: fnr, pathway: fnr }],
      [Enrollment.Enrollment, fnr],
    ]
    for (const [schema, record] of records) {
      const result = one(schema, record, true)
      expect(result.valid).toEqual([])
      expect(result.rejected[0]!.record).toBe(record)
    }
  })

  it("a key that is a number shows masked in field, path and pointer", () => {
    const result = one(Enrollment.Enrollment, { ...enrollment, "010190 12345": 1 }, true)
    const p = result.rejected[0]!.problems[0]!
    expect([p.field, p.path, p.pointer]).toEqual([Redact.MASK, [Redact.MASK], `/${Redact.MASK}`])
  })
})

// ---------------------------------------------------------------------------
// Properties over mixes of valid and mutated records.

const swapCase = (c: string): string => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())
const fullWidth = (s: string): string => s.replace(/[0-9]/gu, (d) => String.fromCharCode(0xff10 + Number(d)))
const arabicIndic = (s: string): string => s.replace(/[0-9]/gu, (d) => String.fromCharCode(0x0660 + Number(d)))

const MUTATIONS = [
  "flipCase",
  "upperCase",
  "insertColon",
  "insertSlash",
  "doubleColonAtEnd",
  "slashAtStart",
  "fullWidthDigits",
  "arabicIndicDigits",
  "length63",
  "length64",
  "length65",
  "colonLength64",
  "colonLength65",
  "trailingSpace",
  "trailingNewline",
  "withTime",
  "nationalIdValue",
  "nationalIdKey",
  "protoKey",
  "constructorKey",
  "prototypeKey",
  "deleteKey",
  "extraKey",
  "nullValue",
  "numberAsText",
  "reverseKeys",
  "nullPrototype",
  "asArray",
] as const
type Mutation = (typeof MUTATIONS)[number]

/** One mutation of a record: `n` picks the field and the place, `fnr` the written number. */
const mutate = (record: unknown, kind: Mutation, n: number, fnr: string): unknown => {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return record
  const r = record as Rec
  const keys = Object.keys(r)
  const stringKeys = keys.filter((k) => typeof r[k] === "string")
  // A copy that keeps own keys such as "__proto__" as own data properties.
  const withValue = (k: string, v: unknown): Rec => {
    const out = Object.create(Object.getPrototypeOf(r)) as Rec
    for (const key of keys)
      Object.defineProperty(out, key, { value: r[key], enumerable: true, writable: true, configurable: true })
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true })
    return out
  }
  const editString = (f: (s: string, i: number) => string): Rec => {
    if (stringKeys.length === 0) return r
    const k = stringKeys[n % stringKeys.length]!
    const s = r[k] as string
    return withValue(k, f(s, s.length === 0 ? 0 : (n >> 4) % (s.length + 1)))
  }
  switch (kind) {
    case "flipCase":
      return editString((s, i) => (i < s.length ? s.slice(0, i) + swapCase(s[i]!) + s.slice(i + 1) : s.toUpperCase()))
    case "upperCase":
      return editString((s) => s.toUpperCase())
    case "insertColon":
      return editString((s, i) => `${s.slice(0, i)}:${s.slice(i)}`)
    case "insertSlash":
      return editString((s, i) => `${s.slice(0, i)}/${s.slice(i)}`)
    case "doubleColonAtEnd":
      return editString((s) => `${s}::`)
    case "slashAtStart":
      return editString((s) => `/${s}`)
    case "fullWidthDigits":
      return editString(fullWidth)
    case "arabicIndicDigits":
      return editString(arabicIndic)
    case "length63":
      return editString(() => "a".repeat(63))
    case "length64":
      return editString(() => "a".repeat(64))
    case "length65":
      return editString(() => "a".repeat(65))
    case "colonLength64":
      return editString(() => `:${"0".repeat(62)}:`)
    case "colonLength65":
      return editString(() => `:${"0".repeat(63)}:`)
    case "trailingSpace":
      return editString((s) => `${s} `)
    case "trailingNewline":
      return editString((s) => `${s}\n`)
    case "withTime":
      return editString((s) => `${s}T00:00`)
    case "nationalIdValue":
      return keys.length === 0 ? r : withValue(keys[n % keys.length]!, fnr)
    case "nationalIdKey":
      return withValue(fnr, n)
    case "protoKey":
      return withValue("__proto__", { polluted: n })
    case "constructorKey":
      return withValue("constructor", { prototype: { polluted: n } })
    case "prototypeKey":
      return withValue("prototype", { polluted: n })
    case "deleteKey": {
      if (keys.length === 0) return r
      const out = withValue("x", 0)
      delete out.x
      delete out[keys[n % keys.length]!]
      return out
    }
    case "extraKey":
      return withValue(`extra${n % 3}`, n)
    case "nullValue":
      return keys.length === 0 ? r : withValue(keys[n % keys.length]!, null)
    case "numberAsText": {
      const numberKeys = keys.filter((k) => typeof r[k] === "number")
      return numberKeys.length === 0 ? r : withValue(numberKeys[n % numberKeys.length]!, String(r[numberKeys[0]!]))
    }
    case "reverseKeys":
      return Object.fromEntries(Object.entries(r).reverse())
    case "nullPrototype": {
      const out = Object.create(null) as Rec
      for (const k of keys) out[k] = r[k]
      return out
    }
    case "asArray":
      return Object.values(r)
  }
}

const families: ReadonlyArray<{
  readonly name: string
  readonly schema: AnySchema
  readonly valid: fc.Arbitrary<Rec>
}> = [
  { name: "referrals", schema: Referral.Referral, valid: arb.referral },
  { name: "enrollments", schema: Enrollment.Enrollment, valid: arb.enrollment },
  { name: "citizens", schema: Citizen.Citizen, valid: arb.citizen },
  { name: "feedback", schema: Feedback.Feedback, valid: arb.feedback },
  { name: "fitScores", schema: FitScore.FitScore, valid: arb.fitScore as fc.Arbitrary<Rec> },
]

const mutation = fc.tuple(fc.constantFrom(...MUTATIONS), fc.nat({ max: 1 << 12 }), fc.constantFrom(...FNRS))
const recordOf = (valid: fc.Arbitrary<Rec>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 3, arbitrary: valid },
    {
      weight: 6,
      arbitrary: fc
        .tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 }))
        .map(([r, ms]) => ms.reduce<unknown>((acc, [kind, n, fnr]) => mutate(acc, kind, n, fnr), r)),
    },
    { weight: 1, arbitrary: fc.oneof(fc.anything({ maxDepth: 2 }), fc.constantFrom(...FNRS)) },
  )

/** JSON.parse's view of the records, for the fromJson path. */
const asJson = (records: ReadonlyArray<unknown>): Array<unknown> =>
  JSON.parse(
    JSON.stringify(records, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)) ?? "[]",
  ) as Array<unknown>

describe("Batch.decode on mixes of valid and hostile records (properties)", () => {
  for (const { name, schema, valid } of families) {
    it(`${name}: valid + rejected = input, each record in exactly one place at its index and line`, () => {
      fc.assert(
        fc.property(fc.array(recordOf(valid), { maxLength: 8 }), (records) => {
          const lines = records.map((_, i) => i * 2 + 2)
          const result = Batch.decode(schema, records, { lines })
          const got = outcomes(result, records.length)
          const indices = result.rejected.map((r) => r.index)
          expect(indices).toEqual([...indices].sort((x, y) => x - y))
          for (const r of result.rejected) {
            expect(r.record).toBe(records[r.index])
            expect(r.line).toBe(r.index * 2 + 2)
            for (const p of r.problems) expect(typeof p.field).toBe("string")
          }
          expect(got.filter((g) => g.ok)).toHaveLength(result.valid.length)
          expectNoNationalIdShown(result)
          expectNoPollution()
        }),
        { numRuns: runs },
      )
    })

    it(`${name}: every verdict and output equals Effect's, and no message shows an identity number`, () => {
      fc.assert(
        fc.property(fc.array(recordOf(valid), { maxLength: 5 }), (records) => {
          const copied = decodeAgreeing(schema, records)
          const json = asJson(records)
          const reused = decodeAgreeing(schema, json, { fromJson: true })
          const copiedJson = decodeAgreeing(schema, json)
          expect(reused.valid).toEqual(copiedJson.valid)
          expect(reused.rejected.map((r) => [r.index, r.problems])).toEqual(
            copiedJson.rejected.map((r) => [r.index, r.problems]),
          )
          expect(copied.total).toBe(records.length)
        }),
        { numRuns: runs },
      )
    })
  }

  it("every mutation is drawn and each changes some valid record", () => {
    const base = { ...enrollment, rating: 3 }
    const signature = (x: unknown): string =>
      typeof x === "object" && x !== null
        ? JSON.stringify([Array.isArray(x), Object.getPrototypeOf(x) === null, Reflect.ownKeys(x), Object.values(x)])
        : JSON.stringify(x)
    for (const kind of MUTATIONS) {
      const changed = [0, 1, 2, 3, 4].some((n) => signature(mutate(base, kind, n, FNRS[0])) !== signature(base))
      expect(changed, kind).toBe(true)
    }
  })
})
