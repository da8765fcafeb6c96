// Test helpers in arquero's style: tiny inline tables compared to column
// literals, and a hand-built municipality-year where only the records a test
// names are filled in.
import { Catalogue, type Dataset } from "@aktivitetsmodell/core"
import type { ColumnTable } from "arquero"
import { expect } from "vitest"

/** Asserts that a table has exactly these columns with exactly these values, in order. */
export const tableEqual = (table: ColumnTable, expected: Record<string, ReadonlyArray<unknown>>): void => {
  const actual = Object.fromEntries(
    table.columnNames().map((c) => [c, Array.from(table.array(c) as ArrayLike<unknown>)]),
  )
  expect(actual).toEqual(expected)
}

/** Asserts the listed columns only (for indicators with many measures). */
export const columnsEqual = (table: ColumnTable, expected: Record<string, ReadonlyArray<unknown>>): void => {
  const actual = Object.fromEntries(
    Object.keys(expected).map((c) => [c, Array.from(table.array(c) as ArrayLike<unknown>)]),
  )
  expect(actual).toEqual(expected)
}

/** A pseudonym made from a small number, so tests can name citizens 1, 2, 3. */
export const p = (n: number): string => n.toString(16).padStart(32, "0")

type Records = {
  [K in Exclude<keyof Dataset.Dataset, "year" | "municipality">]?: ReadonlyArray<Record<string, unknown>>
}

/**
 * A municipality-year with Sandnes' departments and offerings and only the
 * given records. Tests write records loosely; the shapes follow core's schemas.
 */
export const year = (records: Records, y = 2024): Dataset.Dataset => {
  const catalogue = Catalogue.sandnes()
  const empty = {
    citizens: [],
    staff: [],
    referrals: [],
    jointMeetings: [],
    episodes: [],
    enrollments: [],
    sessions: [],
    attendance: [],
    extensions: [],
    goalEvaluations: [],
    transitions: [],
    fitScores: [],
    proposals: [],
    contributions: [],
    feedback: [],
  }
  return {
    year: y,
    departments: catalogue.departments,
    offerings: catalogue.offerings,
    ...empty,
    ...records,
  } as unknown as Dataset.Dataset
}

let counter = 0
/** An attendance record at a session of `offeringId` on `date`. */
export const att = (
  citizen: number,
  offeringId: string,
  date: string,
  status: "present" | "absent" | "no-show" = "present",
  enrollmentId = `n-${citizen}-${offeringId}`,
) => ({
  id: `a-${++counter}`,
  sessionId: `x-${offeringId}-${date}`,
  enrollmentId,
  citizenId: p(citizen),
  offeringId,
  date,
  status,
})

/** A session record. */
export const session = (offeringId: string, date: string, students = 0, volunteers = 0) => ({
  id: `x-${++counter}`,
  offeringId,
  date,
  staffIds: ["s-1"],
  students,
  volunteers,
})

/** An enrollment record; `status` defaults to ongoing. */
export const enr = (
  id: string,
  citizen: number,
  offeringId: string,
  start: string,
  more: { end?: string; closedOn?: string; status?: "ongoing" | "completed" | "withdrawn"; referralId?: string } = {},
) => ({ id, citizenId: p(citizen), offeringId, start, status: "ongoing", ...more })

/** A FIT form (ORS or SRS) with the given total, spread evenly over the four items. */
export const fit = (
  citizen: number,
  date: string,
  instrument: "ORS" | "SRS",
  total: number,
  enrollmentId?: string,
) => ({
  id: `o-${++counter}`,
  citizenId: p(citizen),
  ...(enrollmentId === undefined ? {} : { enrollmentId }),
  date,
  instrument,
  items: [total / 4, total / 4, total / 4, total / 4],
  total,
})

/**
 * Two sessions, Sandneshallen's with six participants and the walking
 * group's with one present and one absent: a year whose walking group is a
 * small count to hide.
 */
export const twoSessions = (): Dataset.Dataset =>
  year({
    sessions: [session("sandneshallen", "2024-02-05"), session("turgruppe", "2024-02-07")],
    attendance: [
      ...[1, 2, 3, 4, 5, 6].map((c) => att(c, "sandneshallen", "2024-02-05")),
      att(7, "turgruppe", "2024-02-07"),
      att(8, "turgruppe", "2024-02-07", "absent"),
    ],
  })
