// Hostile records on the attendance path of Tables.fromDataset: dates that
// are no calendar date (or no text), dates on the edges of the period, ids
// that are keys of Object.prototype, references to nothing, duplicated ids
// and identity numbers where free text or ids go. Each case states what the
// builder does: refuse with a message naming the table (and the record, where
// the date is read as the rows are picked), leave out, or count. A date that
// is not a calendar date is never counted as some other day.
//
// Then a property over random years with the same mutations mixed in: the
// one-pass attendance builder equals the straightforward reference, every
// record is kept, left out (outside the period) or refused, no identity
// number reaches a message or a table, and no prototype changes.
// FUZZ_RUNS sets the run count (default 300).
import { Calendar, type Dataset, IsoDate, KprCheck, Redact } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { DictionaryColumn } from "../../src/internal/DictionaryColumn.js"
import { AnalyticsError } from "../../src/internal/text.js"
import { fromDataset, type Period, type Tables } from "../../src/Tables.js"
import { attendance } from "../../src/tables/attendance.js"
import { context } from "../../src/tables/context.js"
import { dataset } from "../arbitraries.js"
import { policy } from "../fixturePolicy.js"
import { att, enr, p, session, year } from "../helpers.js"
import { firstAppearance, naiveAttendance } from "../tables/reference.js"
import { thrown } from "./fixtures.js"

const runs = Number(process.env.FUZZ_RUNS ?? 300)

type Records = Parameters<typeof year>[0]
const build = (records: Records, period?: Period) =>
  fromDataset(year(records), period === undefined ? { policy } : { policy, period })

/** A table's rows without the municipality column (null throughout: the years here name none). */
const rows = (t: ColumnTable): Array<Record<string, unknown>> =>
  t.objects().map((o) => {
    const { municipality, ...rest } = o as Record<string, unknown>
    expect(municipality).toBeNull()
    return rest
  })

const column = (t: ColumnTable, name: string): Array<unknown> => Array.from(t.array(name) as ArrayLike<unknown>)

const day = (iso: string) => Calendar.dayNumber(iso)

/** The message of the date check, in both languages, as Tables.fromDataset words it, naming record and field. */
const dateMessage = (table: string, value: unknown, record: number, field: string | null = "date") => {
  const place = field === null ? `${record}: ` : `${record}, ${field}: `
  const at = { en: `record ${place}`, nb: `post ${place}` }
  const shown = Redact.show(value)
  return (
    `Tables.fromDataset: ${table}: ${at.en}expected a calendar date as YYYY-MM-DD, found ${shown}` +
    ` / Tables.fromDataset: ${table}: ${at.nb}forventet en gyldig dato ÅÅÅÅ-MM-DD, fant ${shown}`
  )
}

// One made-up identity number (1 January 1990) written four ways, and what finds any of them.
const identityNumbers = ["01019012345", "010190 12345", "010190-12345", "01.01.90.123.45"] as const
// Bounded by non-digits: an `order` column's day × 2^24 + row has twelve digits of its own.
const digits = /(?<!\d)(?:\d{6}[ .-]?\d{5}|\d\d\.\d\d\.\d\d\.\d{3}\.\d\d)(?!\d)/u
const hasIdentityNumber = (s: string) => digits.test(s) || Redact.containsNationalId(s)

/** The tables as JSON: every table's rows, the period and the figures (not the policy, which is the caller's). */
const tablesJson = (t: Tables): string =>
  JSON.stringify(
    Object.entries(t).map(([k, v]) => [
      k,
      k === "policy" ? null : typeof v === "object" && v !== null && "objects" in v ? (v as ColumnTable).objects() : v,
    ]),
  )

const prototypeKeys = ["__proto__", "constructor", "toString", "hasOwnProperty"] as const

const unpolluted = () => {
  const inherited: Array<string> = []
  for (const k in {}) inherited.push(k)
  for (const k in []) inherited.push(k)
  expect(inherited).toEqual([])
  expect(Object.getPrototypeOf({})).toBe(Object.prototype)
  expect(Object.getPrototypeOf([])).toBe(Array.prototype)
  expect(Object.prototype.toString.call([])).toBe("[object Array]")
  expect(typeof Object.prototype.hasOwnProperty).toBe("function")
  expect("__pwned" in globalThis).toBe(false)
}

// Dates that are no calendar date, and where the check meets them. A text
// that compares as inside the period (2024) is picked as a row and refused
// when its parts are read, naming the table; any other is refused as the rows
// are picked, naming the record too.
const notDates: ReadonlyArray<readonly [string, unknown, "in period" | "as picked"]> = [
  ["one-digit month", "2024-1-01", "in period"],
  ["one-digit day", "2024-01-1", "in period"],
  ["30 February", "2024-02-30", "in period"],
  ["trailing space", "2024-01-01 ", "in period"],
  ["29 February of a common year", "2023-02-29", "as picked"],
  ["full-width digits", "２０２４-０１-０１", "as picked"],
  ["Arabic-Indic digits", "٢٠٢٤-٠١-٠١", "as picked"],
  ["expanded year with sign", "+02024-01-01", "as picked"],
  ["a number", 20240101, "as picked"],
  ["null", null, "as picked"],
  ["undefined", undefined, "as picked"],
  ["day 0", "2024-03-00", "in period"],
  ["month 13 of the next year", "2025-13-01", "as picked"],
]

describe("attendance and session dates that are not calendar dates", () => {
  it.each(notDates)("attendance: %s (%j) is refused, never counted as another day", (_, date) => {
    // A valid record first, the hostile one second: the record named is 1.
    const records = { attendance: [att(1, "sandneshallen", "2024-03-01"), { ...att(2, "sandneshallen", "x"), date }] }
    expect(thrown(() => build(records)).message).toBe(dateMessage("attendance", date, 1))
    // The one-pass builder and the straightforward reading agree on the refusal.
    const data = year(records)
    const c = () => context(data, { from: "2024-01-01", to: "2024-12-31" }, () => null, policy)
    expect(thrown(() => attendance(c())).text).toEqual(thrown(() => naiveAttendance(c())).text)
  })

  it.each(notDates)("sessions: %s (%j) is refused, never counted as another day", (_, date) => {
    const records = {
      sessions: [session("sandneshallen", "2024-03-01", 2), { ...session("sandneshallen", "x"), date }],
    }
    expect(thrown(() => build(records)).message).toBe(dateMessage("sessions", date, 1))
  })

  it.each(notDates)("enrollments: a start of %s (%j) is refused: enrollments are kept whole", (_, start) => {
    const records = {
      enrollments: [enr("n-1", 1, "sandneshallen", "2024-03-01"), { ...enr("n-2", 2, "sandneshallen", "x"), start }],
    }
    expect(thrown(() => build(records)).message).toBe(dateMessage("enrollments", start, 1, "start"))
  })

  it("refuses a hostile date wherever it stands in a run of the same enrollment, offering and day", () => {
    const run = Array.from({ length: 50 }, () => att(1, "sandneshallen", "2024-02-29", "present", "n-1"))
    for (const at of [0, 25, 50]) {
      const attendance = [...run.slice(0, at), { ...run[0]!, date: "2024-02-30" }, ...run.slice(at)]
      expect(thrown(() => build({ attendance })).message, `at ${at}`).toBe(dateMessage("attendance", "2024-02-30", at))
    }
  })

  it("names the date field even when the record's id holds the same text", () => {
    const attendance = [
      att(1, "sandneshallen", "2024-03-01"),
      { ...att(2, "sandneshallen", "x"), id: "2024-02-30", date: "2024-02-30" },
    ]
    expect(thrown(() => build({ attendance })).message).toBe(dateMessage("attendance", "2024-02-30", 1))
  })

  it("names the first refused record outside the period, whatever comes after", () => {
    const attendance = [
      att(1, "sandneshallen", "2024-03-01"),
      { ...att(1, "sandneshallen", "x"), date: "2023-02-29" },
      { ...att(1, "sandneshallen", "x"), date: "2024-02-30" },
      { ...att(1, "sandneshallen", "x"), date: null },
    ]
    expect(thrown(() => build({ attendance })).message).toBe(dateMessage("attendance", "2023-02-29", 1))
  })

  it("a date shaped right but outside a narrower period is still checked: 2024-02-30 and 2024-03-32", () => {
    const march = { from: "2024-03-01", to: "2024-03-31" }
    for (const [date, at] of [
      ["2024-02-30", 0],
      ["2024-03-32", 0],
      ["2024-04-31", 0],
    ] as const) {
      expect(thrown(() => build({ attendance: [att(1, "sandneshallen", date)] }, march)).message).toBe(
        dateMessage("attendance", date, at),
      )
    }
  })

  it("counts the real neighbours of an impossible day as themselves: 29 February and 1 March 2024", () => {
    const t = build({
      attendance: [att(1, "sandneshallen", "2024-02-29"), att(2, "sandneshallen", "2024-03-01", "no-show")],
    })
    expect(rows(t.attendance).map((r) => [r.day, r.month, r.year, r.present, r.noShow])).toEqual([
      [day("2024-02-29"), "2024-02", "2024", 1, 0],
      [day("2024-03-01"), "2024-03", "2024", 0, 1],
    ])
  })
})

describe("dates on the edges of the period", () => {
  const edges = (records: (date: string) => Records, dates: ReadonlyArray<string>, period?: Period) =>
    build(
      Object.fromEntries(
        Object.keys(records("2024-01-01")).map((k) => [
          k,
          dates.flatMap((d) => records(d)[k as keyof Records] as ReadonlyArray<Record<string, unknown>>),
        ]),
      ) as Records,
      period,
    )
  const both = (d: string): Records => ({
    attendance: [att(1, "sandneshallen", d)],
    sessions: [session("sandneshallen", d, 3)],
  })

  it("the year: 31 December before and 1 January after are left out, the first and last day kept", () => {
    const t = edges(both, ["2023-12-31", "2024-01-01", "2024-12-31", "2025-01-01"])
    expect(t.period).toEqual({ from: "2024-01-01", to: "2024-12-31" })
    expect(t.days).toEqual({ from: day("2024-01-01"), to: day("2024-12-31") })
    expect(column(t.attendance, "day")).toEqual([day("2024-01-01"), day("2024-12-31")])
    expect(column(t.attendance, "month")).toEqual(["2024-01", "2024-12"])
    expect(column(t.sessions, "day")).toEqual([day("2024-01-01"), day("2024-12-31")])
    expect(column(t.sessions, "students")).toEqual([3, 3])
  })

  it("a month: the day before and after are left out", () => {
    const t = edges(both, ["2024-02-29", "2024-03-01", "2024-03-31", "2024-04-01"], {
      from: "2024-03-01",
      to: "2024-03-31",
    })
    expect(column(t.attendance, "day")).toEqual([day("2024-03-01"), day("2024-03-31")])
    expect(column(t.sessions, "day")).toEqual([day("2024-03-01"), day("2024-03-31")])
  })

  it("a single day: only that day is kept", () => {
    const t = edges(both, ["2024-02-28", "2024-02-29", "2024-03-01"], { from: "2024-02-29", to: "2024-02-29" })
    expect(column(t.attendance, "day")).toEqual([day("2024-02-29")])
    expect(column(t.sessions, "day")).toEqual([day("2024-02-29")])
  })

  it("a period across new year keeps both years apart", () => {
    const t = edges(both, ["2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02"], {
      from: "2024-12-31",
      to: "2025-01-01",
    })
    expect(rows(t.attendance).map((r) => [r.day, r.month, r.year])).toEqual([
      [day("2024-12-31"), "2024-12", "2024"],
      [day("2025-01-01"), "2025-01", "2025"],
    ])
  })

  it("records all outside the period give an empty table with every column", () => {
    const t = build({ attendance: [att(1, "sandneshallen", "2023-06-01"), att(2, "turgruppe", "2025-06-01")] })
    expect(t.attendance.numRows()).toBe(0)
    expect(t.attendance.columnNames()).toEqual([
      "municipality",
      "enrollment",
      "citizen",
      "offering",
      "category",
      "department",
      "day",
      "month",
      "year",
      "present",
      "noShow",
    ])
  })

  it("refuses periods that are no calendar dates or given as own __proto__ keys", () => {
    expect(thrown(() => build({}, { from: "2024-02-30", to: "2024-03-31" })).message).toMatch(
      /^Tables\.fromDataset: invalid period "2024-02-30"–"2024-03-31"/u,
    )
    expect(thrown(() => build({}, { from: "2024-04-01", to: "2024-03-31" })).message).toMatch(/invalid period/u)
    const inherited = JSON.parse('{"__proto__":{"from":"2024-01-01","to":"2024-12-31"}}') as Period
    expect(Object.hasOwn(inherited, "__proto__")).toBe(true)
    expect(thrown(() => build({}, inherited)).message).toMatch(
      /^Tables\.fromDataset: invalid period undefined–undefined/u,
    )
  })
})

describe("ids that are keys of Object.prototype", () => {
  it.each(prototypeKeys)(
    "%s as every id of a record (own __proto__ keys from JSON.parse) is an id like any other",
    (id) => {
      // Each record holds an own "__proto__" key with other values, as JSON.parse makes it: never read.
      const q = JSON.stringify(id)
      const attended = JSON.parse(
        `{"__proto__":{"date":"2023-02-29","offeringId":"turgruppe"},"id":${q},"sessionId":${q},"enrollmentId":${q},"citizenId":${q},"offeringId":${q},"date":"2024-03-01","status":"present"}`,
      ) as Record<string, unknown>
      const enrolled = JSON.parse(
        `{"__proto__":{"end":"2024-02-30"},"id":${q},"citizenId":${q},"offeringId":${q},"start":"2024-02-01","status":"ongoing"}`,
      ) as Record<string, unknown>
      expect(Object.hasOwn(attended, "__proto__")).toBe(true)
      const t = build({
        attendance: [attended, { ...attended, status: "no-show" }],
        enrollments: [enrolled],
        sessions: [{ ...session(id, "2024-03-01", 2), id }],
      })
      // The dimension columns both tables give the day's rows.
      const dims = {
        offering: id,
        category: null,
        department: null,
        day: day("2024-03-01"),
        month: "2024-03",
        year: "2024",
      }
      const row = { enrollment: 0, citizen: 0, ...dims }
      expect(rows(t.attendance)).toEqual([
        { ...row, present: 1, noShow: 0 },
        { ...row, present: 0, noShow: 1 },
      ])
      expect(rows(t.sessions)).toEqual([{ ...dims, students: 2, volunteers: 0 }])
      expect(column(t.enrollments, "offering")).toEqual([id])
      expect(column(t.enrollments, "stop")).toEqual([null])
      expect(column(t.enrollments, "citizen")).toEqual([0])
      unpolluted()
    },
  )

  it.each(prototypeKeys)("%s as an enrollment id no enrollment has: enrollment -1, the record kept", (id) => {
    const t = build({
      enrollments: [enr("n-1", 1, "sandneshallen", "2024-01-02")],
      attendance: [
        att(1, "sandneshallen", "2024-03-01", "present", id),
        att(1, "sandneshallen", "2024-03-02", "present", "n-1"),
      ],
    })
    expect(column(t.attendance, "enrollment")).toEqual([-1, 0])
    expect(column(t.attendance, "citizen")).toEqual([0, 0])
    unpolluted()
  })

  it("a dataset whose lists are only under an own __proto__ key is refused, naming the list", () => {
    const { attendance: _, ...rest } = year({
      attendance: [att(1, "sandneshallen", "2024-03-01")],
    }) as unknown as Record<string, unknown>
    const text = JSON.stringify(rest).replace(
      /^\{/u,
      `{"__proto__":{"attendance":[${JSON.stringify(att(1, "turgruppe", "2024-03-01"))}]},`,
    )
    const parsed = JSON.parse(text) as Dataset.Dataset
    expect(Object.hasOwn(parsed, "__proto__")).toBe(true)
    expect(thrown(() => fromDataset(parsed, { policy })).message).toBe(
      "Tables.fromDataset: dataset.attendance must be a list / Tables.fromDataset: dataset.attendance må være en liste",
    )
    unpolluted()
  })

  it("a record whose date is only under its own __proto__ key has no date: refused, naming the record", () => {
    const parsed = JSON.parse(
      '{"__proto__":{"date":"2024-03-01"},"id":"a-1","enrollmentId":"n-1","citizenId":"c","offeringId":"turgruppe","status":"present"}',
    ) as Record<string, unknown>
    expect(thrown(() => build({ attendance: [parsed] })).message).toBe(dateMessage("attendance", undefined, 0, null))
  })

  it("a KPR enrollment whose referral id is __proto__ finds no referral: marked incomplete, its twin with r-1 not", () => {
    const data = year({
      citizens: [{ id: p(1) }],
      enrollments: [
        enr("n-1", 1, "aktivitetskontakt", "2024-02-01", { referralId: "__proto__" }),
        enr("n-2", 1, "aktivitetskontakt", "2024-02-01", { referralId: "r-1" }),
      ],
      referrals: [
        { id: "r-1", citizenId: p(1), therapistId: "s-1", offeringId: "aktivitetskontakt", date: "2024-01-15" },
      ],
    })
    const t = fromDataset(data, { policy })
    expect(column(t.enrollments, "kprIncomplete")).toEqual([1, 0])
    expect(column(t.enrollments, "referralDay")).toEqual([null, day("2024-01-15")])
    expect(column(t.enrollments, "kprService")).toEqual(["9", "9"])
    unpolluted()
  })
})

describe("references to nothing", () => {
  it("attendance naming an enrollment and a citizen nobody has is kept: enrollment -1, a citizen code of its own", () => {
    const t = build({
      enrollments: [enr("n-1", 1, "sandneshallen", "2024-01-02")],
      attendance: [
        att(9, "sandneshallen", "2024-03-01", "present", "n-missing"),
        att(1, "sandneshallen", "2024-03-01", "absent", "n-1"),
        { ...att(1, "sandneshallen", "2024-03-02"), enrollmentId: undefined },
      ],
    })
    expect(rows(t.attendance).map((r) => [r.enrollment, r.citizen, r.present])).toEqual([
      [-1, 0, 1],
      [0, 1, 0],
      [-1, 1, 1],
    ])
    // Citizen 9 was met first (in attendance); citizen 1 is the enrollment's.
    expect(column(t.enrollments, "citizen")).toEqual([1])
  })

  it("attendance whose citizen is not its enrollment's citizen counts for the citizen it names", () => {
    const t = build({
      enrollments: [enr("n-1", 1, "sandneshallen", "2024-01-02")],
      attendance: [
        att(1, "sandneshallen", "2024-03-01", "present", "n-1"),
        att(2, "sandneshallen", "2024-03-02", "present", "n-1"),
      ],
    })
    expect(rows(t.attendance).map((r) => [r.enrollment, r.citizen])).toEqual([
      [0, 0],
      [0, 1],
    ])
  })

  it("an offering nobody lists is kept with no category or department; an offering id that is no text is refused", () => {
    const t = build({ attendance: [att(1, "finnes-ikke", "2024-03-01")] })
    expect(rows(t.attendance).map((r) => [r.offering, r.category, r.department])).toEqual([["finnes-ikke", null, null]])
    expect(thrown(() => build({ attendance: [{ ...att(1, "x", "2024-03-01"), offeringId: 5 }] })).message).toBe(
      "Tables.fromDataset: attendance.offering: every id must be a text, found 5 / Tables.fromDataset: attendance.offering: hver id må være en tekst, fant 5",
    )
  })
})

describe("duplicated ids", () => {
  it("two attendance records with one id are both counted (the builder does not deduplicate)", () => {
    const a = att(1, "sandneshallen", "2024-03-01")
    const t = build({ attendance: [a, { ...a }] })
    expect(column(t.attendance, "present")).toEqual([1, 1])
  })

  it("two sessions with one id are both counted", () => {
    const s = session("sandneshallen", "2024-03-01", 4)
    expect(column(build({ sessions: [s, { ...s }] }).sessions, "students")).toEqual([4, 4])
  })

  it("every attendance record naming one enrollment id gets one enrollment row, when two enrollments share the id", () => {
    // Two enrollments exported with one id, then attendance in export order:
    // each record naming "n-1" must point at the same row of `enrollments`
    // (or the year be refused); it must not depend on the record before it.
    const data = {
      enrollments: [
        enr("n-1", 1, "sandneshallen", "2024-01-02"),
        enr("n-1", 2, "turgruppe", "2024-01-03"),
        enr("n-2", 3, "sandneshallen", "2024-01-04"),
      ],
      attendance: [
        att(1, "sandneshallen", "2024-03-01", "present", "n-1"),
        att(3, "sandneshallen", "2024-03-01", "present", "n-2"),
        att(1, "sandneshallen", "2024-03-02", "present", "n-1"),
      ],
    }
    let t: Tables | undefined
    try {
      t = build(data)
    } catch (e) {
      expect(e).toBeInstanceOf(AnalyticsError)
      expect((e as AnalyticsError).message).toMatch(/enrollments.*"n-1"/u)
      return
    }
    const enrollmentOfN1 = column(t.attendance, "enrollment").filter((_, i) => i !== 1)
    expect(new Set(enrollmentOfN1).size).toBe(1)
  })
})

describe("identity numbers in ids and free text", () => {
  it.each(identityNumbers)(
    "%s as record ids, session, citizen and enrollment ids or a theme never reaches a table",
    (id) => {
      const t = build({
        enrollments: [enr(id, 1, "sandneshallen", "2024-01-02", { referralId: id })],
        attendance: [{ ...att(1, "sandneshallen", "2024-03-01", "present", id), id, sessionId: id, citizenId: id }],
        sessions: [{ ...session("sandneshallen", "2024-03-01", 1), id }],
        feedback: [
          { id, source: "citizen", date: "2024-04-02", offeringId: "turgruppe", theme: `ring ${id}`, rating: 4 },
        ],
        referrals: [{ id, citizenId: id, therapistId: id, offeringId: "sandneshallen", date: "2024-01-01" }],
      })
      expect(rows(t.attendance)).toEqual([
        {
          enrollment: 0,
          citizen: 0,
          offering: "sandneshallen",
          category: "everyday",
          department: "rpha",
          day: day("2024-03-01"),
          month: "2024-03",
          year: "2024",
          present: 1,
          noShow: 0,
        },
      ])
      expect(column(t.feedback, "theme")).toEqual(["annet"])
      expect(column(t.enrollments, "referralDay")).toEqual([day("2024-01-01")])
      expect(hasIdentityNumber(tablesJson(t))).toBe(false)
    },
  )

  it.each(identityNumbers)("%s as a date is refused, masked in the message", (id) => {
    const m = thrown(() => build({ attendance: [{ ...att(1, "sandneshallen", "x"), date: id }] })).message
    expect(m).toBe(dateMessage("attendance", id, 0))
    expect(m).toContain(Redact.MASK)
    expect(hasIdentityNumber(m)).toBe(false)
  })

  it.each(identityNumbers)(
    "%s as an offering id is a dimension value, kept as given (the check before publishing stops it)",
    (id) => {
      // Only citizens and enrollments become codes; an offering id is what the
      // tables group by, so it stays. buildReport refuses it (redaction.test.ts).
      const t = build({ attendance: [att(1, id, "2024-03-01")] })
      expect(column(t.attendance, "offering")).toEqual([id])
    },
  )
})

// ---------------------------------------------------------------------------
// The property.

// Hostile values a mutation puts into a record.
const hostileDates: ReadonlyArray<unknown> = [
  ...notDates.map(([, d]) => d),
  ...identityNumbers,
  "2023-12-31",
  "2024-01-01",
  "2024-12-31",
  "2025-01-01",
  "2024-02-29",
]
const hostileIds = [...prototypeKeys, ...identityNumbers, "n-missing"]

type Row = Record<string, unknown>
type Mutation =
  | {
      readonly kind: "date"
      readonly list: "attendance" | "sessions" | "enrollments"
      readonly at: number
      readonly value: unknown
    }
  | {
      readonly kind: "id"
      readonly field: "id" | "sessionId" | "citizenId" | "enrollmentId"
      readonly at: number
      readonly value: string
    }
  | { readonly kind: "duplicate"; readonly list: "attendance" | "enrollments" | "sessions"; readonly at: number }
  | { readonly kind: "ownProto"; readonly at: number }
  | { readonly kind: "theme"; readonly at: number; readonly value: string }

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("date" as const),
      list: fc.constantFrom("attendance" as const, "attendance" as const, "sessions" as const, "enrollments" as const),
      at: fc.nat(),
      value: fc.constantFrom(...hostileDates),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("id" as const),
      field: fc.constantFrom("id" as const, "sessionId" as const, "citizenId" as const, "enrollmentId" as const),
      at: fc.nat(),
      value: fc.constantFrom(...hostileIds),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("duplicate" as const),
      list: fc.constantFrom("attendance" as const, "enrollments" as const, "sessions" as const),
      at: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("ownProto" as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("theme" as const),
      at: fc.nat(),
      value: fc.constantFrom(...identityNumbers.map((n) => `ring meg på ${n}`)),
    }),
  },
)

const dateField = { attendance: "date", sessions: "date", enrollments: "start" } as const

const mutate = (d: Dataset.Dataset, ms: ReadonlyArray<Mutation>): Dataset.Dataset => {
  const lists = {
    attendance: d.attendance.map((r) => ({ ...r })) as Array<Row>,
    sessions: d.sessions.map((r) => ({ ...r })) as Array<Row>,
    enrollments: d.enrollments.map((r) => ({ ...r })) as Array<Row>,
    feedback: d.feedback.map((r) => ({ ...r })) as Array<Row>,
  }
  for (const m of ms) {
    switch (m.kind) {
      case "date": {
        const list = lists[m.list]
        if (list.length > 0) list[m.at % list.length]![dateField[m.list]] = m.value
        break
      }
      case "id": {
        const list = lists.attendance
        if (list.length > 0) list[m.at % list.length]![m.field] = m.value
        break
      }
      case "duplicate": {
        const list = lists[m.list]
        if (list.length > 0) list.splice(m.at % list.length, 0, { ...list[m.at % list.length]! })
        break
      }
      case "ownProto": {
        const list = lists.attendance
        if (list.length > 0) {
          const k = m.at % list.length
          // Another date, offering and enrollment under an own "__proto__" key: never read.
          list[k] = JSON.parse(
            `{"__proto__":{"date":"2024-06-01","offeringId":"constructor","enrollmentId":"n-0"},${JSON.stringify(list[k]).slice(1)}`,
          ) as Row
        }
        break
      }
      case "theme": {
        const list = lists.feedback
        if (list.length > 0) list[m.at % list.length]!.theme = m.value
        break
      }
    }
  }
  return { ...d, ...lists } as unknown as Dataset.Dataset
}

const periodArb: fc.Arbitrary<Period | undefined> = fc.option(
  fc
    .tuple(
      fc.date({ min: new Date("2023-11-01T00:00:00Z"), max: new Date("2025-02-01T00:00:00Z"), noInvalidDate: true }),
      fc.date({ min: new Date("2023-11-01T00:00:00Z"), max: new Date("2025-02-01T00:00:00Z"), noInvalidDate: true }),
    )
    .map(([a, b]) => [a, b].map((x) => x.toISOString().slice(0, 10)).sort() as [string, string])
    .map(([from, to]) => ({ from, to })),
  { nil: undefined },
)

const outcome = <T>(f: () => T): { ok: T } | { error: unknown } => {
  try {
    return { ok: f() }
  } catch (e) {
    return { error: e instanceof AnalyticsError ? e.text : String(e) }
  }
}

// The attendance table as plain columns with their dictionaries, from the builder and from the reference.
const builtColumns = (t: ColumnTable) =>
  Object.fromEntries(
    t
      .columnNames()
      .filter((n) => n !== "municipality")
      .map((n) => {
        const col = t.column(n) as unknown
        return [n, { values: column(t, n), dictionary: col instanceof DictionaryColumn ? [...col.values] : undefined }]
      }),
  )
const referenceColumns = (data: Dataset.Dataset, period: Period) => {
  const cols = naiveAttendance(context(data, period, () => null, policy))
  const coded = new Set(["enrollment", "offering", "category", "department", "month", "year"])
  return Object.fromEntries(
    Object.entries(cols).map(([n, values]) => [
      n,
      { values, dictionary: coded.has(n) ? firstAppearance(values) : undefined },
    ]),
  )
}

const dateOf = (r: Row, list: keyof typeof dateField) => r[dateField[list]]
const inPeriod = (d: unknown, period: Period) => IsoDate.isIsoDate(d) && d >= period.from && d <= period.to

describe("Tables.fromDataset over random years with hostile records (property)", () => {
  it("equals the reference, accounts for every record, shows no identity number and leaves the prototypes alone", () => {
    const protoKeys = [Reflect.ownKeys(Object.prototype), Reflect.ownKeys(Array.prototype)]
    // Both outcomes are met, so neither half of the property is vacuous.
    const seen = { refused: 0, built: 0 }
    fc.assert(
      fc.property(dataset, fc.array(mutation, { maxLength: 5 }), periodArb, (base, ms, given) => {
        const data = mutate(base, ms)
        const period = given ?? { from: "2024-01-01", to: "2024-12-31" }
        const list = (k: keyof typeof dateField) => (data as unknown as Record<string, Array<Row>>)[k]!

        // (1) The one-pass builder equals the reference on every row, or both refuse alike.
        const oneDone = outcome(() => builtColumns(attendance(context(data, period, () => null, policy))))
        const reference = outcome(() => referenceColumns(data, period))
        expect(oneDone).toEqual(reference)

        const result = outcome(() =>
          given === undefined ? fromDataset(data, { policy }) : fromDataset(data, { policy, period: given }),
        )
        const bad = (k: keyof typeof dateField) => list(k).filter((r) => !IsoDate.isIsoDate(dateOf(r, k)))
        if ("error" in result) {
          seen.refused++
          // (2) Refused: an AnalyticsError naming the first table with a date that is no calendar date, and that date.
          const text = result.error as { en: string; nb: string }
          expect(typeof text).toBe("object")
          const table = (["attendance", "sessions", "enrollments"] as const).find((k) => bad(k).length > 0)
          expect(table).toBeDefined()
          expect(text.en).toMatch(
            new RegExp(`^Tables\\.fromDataset: ${table}: (record \\d+(, \\w+)?: )?expected a calendar date`, "u"),
          )
          const record = /record (\d+)(?:, (\w+))?:/u.exec(text.en)
          // The field named is the one the date is read from.
          if (record?.[2] !== undefined) expect(record[2]).toBe(table === "enrollments" ? "start" : "date")
          if (record !== null) expect(IsoDate.isIsoDate(dateOf(list(table!)[Number(record[1])]!, table!))).toBe(false)
          expect(bad(table!).some((r) => text.en.endsWith(`found ${Redact.show(dateOf(r, table!))}`))).toBe(true)
          // (3) No identity number in the message.
          expect(hasIdentityNumber(text.en) || hasIdentityNumber(text.nb)).toBe(false)
          // The reference refuses too when the attendance table is the one named.
          if (table === "attendance") expect("error" in reference).toBe(true)
        } else {
          seen.built++
          const t = result.ok
          // (2) Built: every date was a calendar date; kept + left out = input, kept in input order.
          for (const k of ["attendance", "sessions", "enrollments"] as const) expect(bad(k)).toEqual([])
          for (const k of ["attendance", "sessions"] as const) {
            const kept = list(k).filter((r) => inPeriod(dateOf(r, k), period))
            const out = list(k).filter((r) => !inPeriod(dateOf(r, k), period))
            expect(t[k].numRows()).toBe(kept.length)
            expect(kept.length + out.length).toBe(list(k).length)
            expect(column(t[k], "day")).toEqual(kept.map((r) => Calendar.dayNumber(dateOf(r, k) as string)))
          }
          expect(column(t.attendance, "present")).toEqual(
            list("attendance")
              .filter((r) => inPeriod(r.date, period))
              .map((r) => (r.status === "present" ? 1 : 0)),
          )
          // Each kept record points at an enrollment with its id, or at -1 when none has it.
          const ids = data.enrollments.map((e) => e.id as unknown)
          const kept = list("attendance").filter((r) => inPeriod(r.date, period))
          column(t.attendance, "enrollment").forEach((row, i) => {
            const named = kept[i]!.enrollmentId
            if (row === -1) expect(ids.includes(named)).toBe(false)
            else expect(ids[row as number]).toBe(named)
          })
          expect(t.enrollments.numRows()).toBe(data.enrollments.length)
          expect(column(t.enrollments, "kprIncomplete")).toEqual(Array.from(KprCheck.incomplete(data)))
          // (1) again, through Tables.fromDataset.
          expect({ ok: builtColumns(t.attendance) }).toEqual(reference)
          // (3) No identity number in any column or the JSON of the tables (offering ids are never mutated here).
          expect(hasIdentityNumber(tablesJson(t))).toBe(false)
        }
        // (4) The prototypes are untouched.
        unpolluted()
        expect([Reflect.ownKeys(Object.prototype), Reflect.ownKeys(Array.prototype)]).toEqual(protoKeys)
      }),
      { numRuns: runs },
    )
    if (runs >= 100) expect(Math.min(seen.refused, seen.built)).toBeGreaterThan(runs / 10)
  })
})
