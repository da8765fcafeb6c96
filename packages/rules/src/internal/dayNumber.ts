// Whole days since 1970-01-01 for a YYYY-MM-DD text, by integer arithmetic
// rather than two Date objects: fact derivation counts a period's weeks for
// every subject. It gives what `Math.round(Date.UTC(y, m - 1, d) / day)`
// gives for any text, as Calendar.daysBetween computes it: parts are read with
// Number and truncated as Date.UTC does, an out-of-range month or day rolls
// over, and a year Date.UTC treats specially (0–99, negative, unreadable)
// goes to Date.UTC itself.
const day = 86_400_000

// A digit's value from its character code, or NaN for any other character.
const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : Number.NaN
}

export const dayNumber = (date: string): number => {
  // The usual case, "YYYY-MM-DD" with a year from 100, read digit by digit without a substring.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3)
    const m = digit(date, 5) * 10 + digit(date, 6)
    const d = digit(date, 8) * 10 + digit(date, 9)
    if (y >= 100 && !Number.isNaN(m + d)) return fromCivil(y, m, d)
  }
  return general(date)
}

const general = (date: string): number => {
  const y = Math.trunc(Number(date.slice(0, 4)))
  const m = Math.trunc(Number(date.slice(5, 7)))
  const d = Math.trunc(Number(date.slice(8, 10)))
  if (!(y >= 100 && Number.isFinite(m))) return Math.round(Date.UTC(y, m - 1, d) / day)
  return fromCivil(y, m, d)
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
