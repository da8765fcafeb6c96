// Whole days since 1970-01-01 for a YYYY-MM-DD text, by integer arithmetic
// rather than two Date objects: fact derivation counts a period's weeks for
// every subject. It gives what `Math.round(Date.UTC(y, m - 1, d) / day)`
// gives for any text, as Calendar.daysBetween computes it: parts are read with
// Number and truncated as Date.UTC does, an out-of-range month or day rolls
// over, and a year Date.UTC treats specially (0–99, negative, unreadable,
// or too large) goes to Date.UTC itself.
const day = 86_400_000

// Whether a character code minus 48 is a digit; unsigned, so one test rejects both ends.
const isDigit = (d: number): boolean => d >>> 0 <= 9

export const dayNumber = (date: string): number => {
  // The usual case, "YYYY-MM-DD" with a year from 100, read digit by digit
  // without a substring and in small integers only, which V8 keeps in registers.
  if (date.length === 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y0 = date.charCodeAt(0) - 48
    const y1 = date.charCodeAt(1) - 48
    const y2 = date.charCodeAt(2) - 48
    const y3 = date.charCodeAt(3) - 48
    const m0 = date.charCodeAt(5) - 48
    const m1 = date.charCodeAt(6) - 48
    const d0 = date.charCodeAt(8) - 48
    const d1 = date.charCodeAt(9) - 48
    if (
      isDigit(y0) &&
      isDigit(y1) &&
      isDigit(y2) &&
      isDigit(y3) &&
      isDigit(m0) &&
      isDigit(m1) &&
      isDigit(d0) &&
      isDigit(d1)
    ) {
      const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3
      if (y >= 100) return fromCivil(y, m0 * 10 + m1, d0 * 10 + d1)
    }
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
