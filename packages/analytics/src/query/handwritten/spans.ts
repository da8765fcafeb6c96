/**
 * The months or years a period touches, as the day numbers of their first
 * and last days, for hand-written SQL that spreads a record over each month
 * or year it overlaps (only day numbers are written in).
 *
 * @module
 */
import { Calendar } from "@aktivitetsmodell/core"
import { monthEnd, monthStart, monthsBetween, yearsBetween } from "../../internal/dates.js"
import type { Days } from "../Query.js"

/** The first and last day number of every month (or year) from the one holding `from` to the one holding `to`; at least one. */
export const spans = (days: Days, grain: "month" | "year"): Array<readonly [number, number]> => {
  const to = Math.max(days.from, days.to)
  return grain === "month"
    ? monthsBetween(days.from, to).map((m) => [monthStart(m), monthEnd(m)] as const)
    : yearsBetween(days.from, to).map(
        (y) => [Calendar.dayNumber(`${y}-01-01`), Calendar.dayNumber(`${y}-12-31`)] as const,
      )
}
