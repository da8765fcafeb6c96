// A citizen's age on a date, as Calendar.ageOn gives it for any text, without
// its argument guard or the substrings it cuts: fact derivation asks it for
// most subjects. Anything but a text goes to Calendar.ageOn itself, so what
// it throws is unchanged.
import { Calendar } from "@aktivitetsmodell/core"

// The year of the first four characters as Number(s.slice(0, 4)) reads it: digit by digit when they are digits.
const yearOf = (s: string): number => {
  if (s.length >= 4) {
    let y = 0
    for (let i = 0; i < 4; i++) {
      const c = s.charCodeAt(i) - 48
      if (c < 0 || c > 9) return Number(s.slice(0, 4))
      y = y * 10 + c
    }
    return y
  }
  return Number(s.slice(0, 4))
}

// `a.slice(5) < b.slice(5)`, compared code unit by code unit in place.
const tailBefore = (a: string, b: string): boolean => {
  for (let i = 5; ; i++) {
    if (i >= a.length) return i < b.length
    if (i >= b.length) return false
    const ca = a.charCodeAt(i)
    const cb = b.charCodeAt(i)
    if (ca !== cb) return ca < cb
  }
}

/** Calendar.ageOn(birthDate, date) for a checked `date` whose year is `year`. */
export const ageOn = (birthDate: unknown, date: string, year: number): number => {
  if (typeof birthDate !== "string") return Calendar.ageOn(birthDate as string, date)
  const age = year - yearOf(birthDate)
  return tailBefore(date, birthDate) ? age - 1 : age
}
