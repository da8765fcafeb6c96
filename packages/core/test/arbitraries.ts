// fast-check arbitraries for the entities, drawn to cover the schemas' edges
// (Effect 4's own Arbitrary does not hand out fast-check arbitraries).
import * as fc from "fast-check"
import { Redact } from "../src/index.js"

export const isoDate = fc
  .date({ min: new Date("1930-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

export const pseudonym = fc.stringMatching(/^[0-9a-f]{32}$/)
export const recordId = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/)
// A slug may be written like an identity number ("0-101000-0000"): such an id is refused.
export const slug = fc
  .stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}$/)
  .filter((s) => !Redact.containsNationalId(s))
export const text = fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0)
const tenths = (max: number) => fc.integer({ min: 0, max: max * 10 }).map((n) => n / 10)

export const citizen = fc
  .record({
    id: pseudonym,
    birthDate: fc.option(
      isoDate.filter((d) => d >= "1900"),
      { nil: undefined },
    ),
    birthYear: fc.integer({ min: 1900, max: 2100 }),
    departments: fc.array(slug, { maxLength: 3 }),
    healthyLifeCentre: fc.boolean(),
    pathway: fc.constantFrom(1, 2, 3),
  })
  .map(({ birthDate, birthYear, ...rest }) =>
    birthDate === undefined ? { ...rest, birthYear } : { ...rest, birthDate, birthYear: Number(birthDate.slice(0, 4)) },
  )

export const referral = fc.record({
  id: recordId,
  citizenId: pseudonym,
  therapistId: recordId,
  offeringId: slug,
  date: isoDate,
})

export const enrollment = fc.record(
  {
    id: recordId,
    citizenId: pseudonym,
    offeringId: slug,
    start: isoDate,
    end: isoDate,
    referralId: recordId,
    cohort: fc
      .tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, "0")}`),
    status: fc.constantFrom("ongoing", "completed", "withdrawn"),
    closedOn: isoDate,
  },
  { requiredKeys: ["id", "citizenId", "offeringId", "start", "status"] },
)

export const attendance = fc.record({
  id: recordId,
  sessionId: recordId,
  enrollmentId: recordId,
  citizenId: pseudonym,
  offeringId: slug,
  date: isoDate,
  status: fc.constantFrom("present", "absent", "no-show"),
})

export const fitScore = fc
  .record({
    id: recordId,
    citizenId: pseudonym,
    date: isoDate,
    instrument: fc.constantFrom("ORS", "SRS"),
    items: fc.tuple(tenths(10), tenths(10), tenths(10), tenths(10)),
  })
  .map((r) => ({ ...r, total: Math.round(r.items.reduce((a, b) => a + b, 0) * 10) / 10 }))

export const feedback = fc.record(
  {
    id: recordId,
    source: fc.constantFrom("employee", "citizen", "experience-council"),
    date: isoDate,
    offeringId: slug,
    category: fc.constantFrom("treatment", "everyday", "participation", "department"),
    theme: text,
    rating: fc.integer({ min: 1, max: 5 }),
    comment: text,
  },
  { requiredKeys: ["id", "source", "date", "theme"] },
)

export const contribution = fc.record(
  {
    id: recordId,
    department: slug,
    from: isoDate,
    to: isoDate,
    sharePercent: fc.double({ min: 0, max: 100, noNaN: true }),
    form: fc.constantFrom("lent-position", "transferred-budget-post"),
    staffId: recordId,
  },
  { requiredKeys: ["id", "department", "from", "sharePercent", "form"] },
)
