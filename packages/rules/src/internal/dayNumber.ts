// Whole days since 1970-01-01 for a YYYY-MM-DD text, by integer arithmetic
// rather than two Date objects: fact derivation counts a period's weeks for
// every subject. It gives what `Math.round(Date.UTC(y, m - 1, d) / day)`
// gives for any text, as Calendar.daysBetween computes it: parts are read with
// Number and truncated as Date.UTC does, an out-of-range month or day rolls
// over, and a year Date.UTC treats specially (0–99, negative, unreadable,
// or too large) goes to Date.UTC itself.
import { Calendar } from "@aktivitetsmodell/core"

const day = 86_400_000

export const dayNumber = (date: string): number => {
  // The usual case, "YYYY-MM-DD" with a year from 100, read as the integer
  // YYYYMMDD without a substring, which V8 keeps in registers.
  const key = Calendar.dateKey(date)
  if (key >= 1_000_000) {
    const y = (key / 10_000) | 0
    const md = key - y * 10_000
    const m = (md / 100) | 0
    return fromCivil(y, m, md - m * 100)
  }
  return general(date)
}

const general = (date: string): number => {
  // Date.UTC truncates its arguments, the month after the 1 is taken off (".2" is January).
  const y = Math.trunc(Number(date.slice(0, 4)))
  const month = Math.trunc(Number(date.slice(5, 7)) - 1)
  const d = Math.trunc(Number(date.slice(8, 10)))
  // Four characters read with Number may also give a year such as 7e30, past what Date.UTC counts (NaN).
  if (!(y >= 100 && y <= 9999 && Number.isFinite(month))) return Math.round(Date.UTC(y, month, d) / day)
  return fromCivil(y, month + 1, d)
}

// Days from the civil calendar (H. Hinnant): a year counted from 1 March
// ends with the leap day, so month lengths repeat in a fixed pattern.
const fromCivil = (y: number, m: number, d: number): number => {
  const shift = Math.floor((m - 3) / 12)
  const month = m - 3 - 12 * shift
  const year = y + shift
  const era = Math.floor(year / 400)
  const yearOfEra = year - era * 400
  const dayOfYear = Math.floor((153 * month + 2) / 5) + d - 1
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468
}
