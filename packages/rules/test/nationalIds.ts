// National identity numbers as people write them, for tests that check no
// message, pointer or output line ever carries one. Each is a plausible
// birth date (with D- and H-number variants) and five more digits, written
// in the four forms core's redaction knows: 01019012345, 010190 12345,
// 010190-12345 and 01.01.90.123.45.
import fc from "fast-check"

const two = (n: number) => String(n).padStart(2, "0")

/** Eleven digits that start with a plausible birth date. */
export const nationalIdDigits = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    dNumber: fc.boolean(),
    month: fc.integer({ min: 1, max: 12 }),
    hNumber: fc.boolean(),
    year: fc.integer({ min: 0, max: 99 }),
    rest: fc.integer({ min: 0, max: 99_999 }),
  })
  .map(
    ({ day, dNumber, month, hNumber, year, rest }) =>
      `${two(day + (dNumber ? 40 : 0))}${two(month + (hNumber ? 40 : 0))}${two(year)}${String(rest).padStart(5, "0")}`,
  )

/** The four written forms of one number. */
export const writtenForms = (digits: string): ReadonlyArray<string> => [
  digits,
  `${digits.slice(0, 6)} ${digits.slice(6)}`,
  `${digits.slice(0, 6)}-${digits.slice(6)}`,
  `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6, 9)}.${digits.slice(9)}`,
]

/** A national identity number in any of the four written forms. */
export const nationalIdText = fc
  .tuple(nationalIdDigits, fc.integer({ min: 0, max: 3 }))
  .map(([digits, form]) => writtenForms(digits)[form]!)

/** One fixed number in its four forms, for example-based tests. */
export const examples = writtenForms("01019012345")
