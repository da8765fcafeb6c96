import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { hasValidCheckDigits } from "../src/internal/checkDigits.js"
import { makeNationalId } from "../src/NationalId.js"
import * as Problems from "../src/Problems.js"
import * as Redact from "../src/Redact.js"
import { isoDate } from "./arbitraries.js"

describe("Redact.text", () => {
  it("masks every common written form of an identity number", () => {
    for (const form of [
      "01019012345",
      "010190 12345",
      "010190-12345",
      "01.01.90.123.45",
      "010190\u00a012345",
      "41019012345",
      "01419012345",
      "01819012345",
    ]) {
      expect(Redact.text(`fnr ${form}.`)).toBe(`fnr ${Redact.MASK}.`)
    }
  })

  it("leaves dates, date ranges, years and short numbers alone", () => {
    for (const s of [
      "2024-01-08",
      "2024-01-08/2024-02-01",
      "2024-01-08 2024-02-01",
      "uke 2024-W06",
      "12345",
      "123456789012",
    ]) {
      expect(Redact.text(s)).toBe(s)
    }
  })

  it("leaves a sha256 content hash alone, but masks a number written beside short hex or a word", () => {
    const hash = "0447bc6a6de64f01019012345d6dbaf2b32d1b0cd60d8b3fb819bc5beb865738"
    expect(Redact.text(`sha256 ${hash}`)).toBe(`sha256 ${hash}`)
    expect(Redact.text("ab01019012345cd")).toBe(`ab${Redact.MASK}cd`)
    expect(Redact.text("fnr01019012345")).toBe(`fnr${Redact.MASK}`)
    // Digits only, however long the run, are not a hash.
    expect(Redact.text(`x 01019012345${"0".repeat(40)}`)).toBe(`x 01019012345${"0".repeat(40)}`)
    expect(Redact.text(`${"0".repeat(30)}a01019012345`)).toBe(`${"0".repeat(30)}a01019012345`)
  })

  it("masks a number split by marks the eye skips or reads as a gap, and fullwidth digits", () => {
    const splits = ["\u200b", "\u00ad", "\u2009", "\u202f", "\u2007", "\t", "  ", "_", " - ", "\u2060\u200b"]
    for (const g of splits) expect(Redact.text(`fnr 010190${g}12345 slutt`)).toBe(`fnr ${Redact.MASK} slutt`)
    expect(Redact.text("fnr \uff10\uff11\uff10\uff11\uff19\uff10\uff11\uff12\uff13\uff14\uff15")).toBe(
      `fnr ${Redact.MASK}`,
    )
    // A line break or a "/" still parts two numbers: a column of counts, a date range.
    expect(Redact.text("010190\n12345")).toBe("010190\n12345")
    expect(Redact.text("1990-01-01/1990-12-31")).toBe("1990-01-01/1990-12-31")
  })

  it("finds a number right after other digits, where two runs of eleven overlap", () => {
    expect(Redact.text("72 01.01.90.123.45")).toBe(`72 ${Redact.MASK}`)
    expect(Redact.text("tlf 9 010190 12345")).toBe(`tlf 9 ${Redact.MASK}`)
    expect(Redact.text("fnr 010190 12345 og 020290 12345")).toBe(`fnr ${Redact.MASK} og ${Redact.MASK}`)
  })

  it("masks a real number written into a hash-like run or padded with zeros", () => {
    // 31129956715 has valid check digits; 01019012345 has not.
    const real = "31129956715"
    for (const prefix of ["a".repeat(21), "a".repeat(22), "0447bc6a6de64f", "f".repeat(40)])
      expect(Redact.text(`id ${prefix}${real}`)).toBe(`id ${prefix}${Redact.MASK}`)
    expect(Redact.text(`${"ab".repeat(16)}${real}cd`)).toBe(`${"ab".repeat(16)}${Redact.MASK}cd`)
    // A look-alike that cannot be a real number stays inside a hash.
    expect(Redact.text(`${"a".repeat(22)}01019012345`)).toBe(`${"a".repeat(22)}01019012345`)
    // Zero-padded to a wider field, as a sloppy export writes it.
    expect(Redact.text("0001019012345")).toBe(Redact.MASK)
    expect(Redact.text(`citizen ${"0".repeat(21)}${real}`)).toBe(`citizen ${Redact.MASK}`)
    expect(Redact.text(`${"0".repeat(21)}00000000000`)).toBe(`${"0".repeat(21)}00000000000`)
    // A pseudonym whose digits run together by chance, a 0 before eleven of them, stays whole.
    expect(Redact.text("18ddcb21103ccda018029785946e9cd1")).toBe("18ddcb21103ccda018029785946e9cd1")
  })

  it("a number with valid check digits never survives, whatever hex or zeros surround it (property)", () => {
    const hexChar = fc.constantFrom(..."0123456789abcdef")
    const real = fc
      .tuple(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 499 }),
      )
      .map(([d, m, y, i]) => {
        const nine = `${String(d).padStart(2, "0")}${String(m).padStart(2, "0")}${String(y).padStart(2, "0")}${String(i).padStart(3, "0")}`
        const sum = (ds: ReadonlyArray<number>, ws: ReadonlyArray<number>) => ws.reduce((a, w, k) => a + w * ds[k]!, 0)
        const digits = Array.from(nine, Number)
        const k1 = (11 - (sum(digits, [3, 7, 6, 1, 8, 9, 4, 5, 2]) % 11)) % 11
        const k2 = (11 - (sum([...digits, k1], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11)) % 11
        return k1 === 10 || k2 === 10 ? undefined : `${nine}${k1}${k2}`
      })
      .filter((n): n is string => n !== undefined)
    fc.assert(
      fc.property(
        fc.array(hexChar, { maxLength: 40 }).map((xs) => xs.join("")),
        real,
        fc.array(hexChar, { maxLength: 40 }).map((xs) => xs.join("")),
        fc.nat({ max: 30 }),
        (before, n, after, zeros) => {
          // Digits right beside the number make a longer run of digits, which is no number: keep letters there.
          const text = `${before.replace(/\d$/u, "a")}${"0".repeat(zeros)}${n}${after.replace(/^\d/u, "b")}`
          expect(Redact.text(text)).not.toContain(n)
          expect(Redact.containsNationalId(text)).toBe(true)
        },
      ),
    )
  })

  it("leaves a pseudonym or a hash whole unless eleven of its digits could be a real number (property)", () => {
    const hexText = (n: number) =>
      fc
        .array(fc.constantFrom(..."0123456789abcdef"), { minLength: n, maxLength: n })
        .map((xs) => xs.join(""))
        .filter((h) => /[a-f]/u.test(h))
    fc.assert(
      fc.property(fc.oneof(hexText(32), hexText(64)), (h) => {
        if (Redact.text(h) === h) return
        const windows = [...h.matchAll(/\d{11,}/gu)].flatMap((m) =>
          Array.from({ length: m[0].length - 10 }, (_, k) => m[0].slice(k, k + 11)),
        )
        expect(windows.some(hasValidCheckDigits)).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })

  it("runs in linear time on long digit-and-separator text", () => {
    const long = "1-".repeat(200_000)
    const t = performance.now()
    Redact.text(long)
    // A backtracking pattern would take minutes here; this is a work bound, not a timing of speed.
    expect(performance.now() - t).toBeLessThan(2000)
  })

  it("any 11 digits with a plausible birth date, however separated, never survive", () => {
    const digit = fc.integer({ min: 0, max: 9 }).map(String)
    const mark = fc.constantFrom(
      "",
      " ",
      "-",
      ".",
      "_",
      "\t",
      "\u00a0",
      "\u00ad",
      "\u2009",
      "\u200b",
      "\u202f",
      "\u2060",
    )
    const sep = fc.array(mark, { maxLength: 3 }).map((xs) => xs.join(""))
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(digit, { minLength: 7, maxLength: 7 }),
        fc.array(sep, { minLength: 10, maxLength: 10 }),
        (d, m, rest, seps) => {
          const digits = `${String(d).padStart(2, "0")}${String(m).padStart(2, "0")}${rest.join("")}`
          const written = [...digits].map((c, i) => (i === 0 ? c : `${seps[i - 1]}${c}`)).join("")
          expect(Redact.containsNationalId(Redact.text(`a ${written} b`))).toBe(false)
          expect(Redact.text(`a ${written} b`)).toContain(Redact.MASK)
          // Digits before it, apart by a gap, may make an earlier run of eleven that is no number.
          expect(Redact.text(`tlf 72 ${written} b`)).toContain(Redact.MASK)
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe("Redact.text, a slash between the birth date and the personal number", () => {
  it("masks 010190/12345, with marks around the slash, and as a JSON pointer writes it", () => {
    for (const form of [
      "010190/12345",
      "010190 / 12345",
      "010190\u200b/\u200b12345",
      "010190 - / _ 12345",
      "01.01.90/123.45",
      "410190/12345",
      "\uff10\uff11\uff10\uff11\uff19\uff10/\uff11\uff12\uff13\uff14\uff15",
      "010190~112345",
      "010190 ~1 12345",
    ]) {
      expect(Redact.text(`fnr ${form}.`)).toBe(`fnr ${Redact.MASK}.`)
      expect(Redact.containsNationalId(`fnr ${form}.`)).toBe(true)
    }
    // A key with a slash, escaped into a pointer and redacted only afterwards.
    expect(Redact.text(Problems.jsonPointer(["citizens", "010190/12345", "id"]))).toBe(`/citizens/${Redact.MASK}/id`)
    // Two keys of a pointer that together are the 6/5 form hold the number too.
    expect(Redact.text("/citizens/010190/12345")).toBe(`/citizens/${Redact.MASK}`)
    expect(Redact.text("010190/12345/67890")).toBe(`${Redact.MASK}/67890`)
    expect(Redact.text("12 010190/12345")).toBe(`12 ${Redact.MASK}`)
  })

  it("leaves a slash anywhere else, date ranges, pointers, paths and fractions alone", () => {
    for (const s of [
      "2024-01-08/2024-02-01",
      "01.01.2024/31.12.2024",
      "1.1.2024/31.12.24",
      "010124/020224",
      "010124 / 020224",
      "/enrollments/12/citizenId",
      "/offerings/3/limits/sessions",
      "data/2024/01/08/report.csv",
      "3/4 av 12 deltakere, 1/2",
      "0101/9012345",
      "01019/012345",
      "0101901/2345",
      "010190/123456",
      "0010190/12345",
      "010190//12345",
      "010190    /12345",
      "010190/\n12345",
      // A birth date that cannot be one.
      "123456/12345",
      "/a~1b/c~0d",
    ]) {
      expect(Redact.text(s), s).toBe(s)
      expect(Redact.containsNationalId(s), s).toBe(false)
    }
  })

  it("a slash between any other two digits joins no number (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        fc.stringMatching(/^[0-9]{7}$/),
        fc.integer({ min: 1, max: 10 }).filter((k) => k !== 6),
        (d, m, rest, k) => {
          const digits = `${String(d).padStart(2, "0")}${String(m).padStart(2, "0")}${rest}`
          const written = `x ${digits.slice(0, k)}/${digits.slice(k)} y`
          expect(Redact.text(written)).toBe(written)
        },
      ),
    )
  })

  it("a valid identity number written 6 digits, marks, a slash, marks, 5 digits never shows (property)", () => {
    const nationalId = fc
      .record({
        date: isoDate.filter((date) => date < "2040"),
        individual: fc.integer({ min: 0, max: 999 }),
        dNumber: fc.boolean(),
        synthetic: fc.constantFrom("none" as const, "tenor" as const, "nav" as const),
      })
      .map(({ date, individual, dNumber, synthetic }) =>
        makeNationalId(date, individual, synthetic === "none" ? { dNumber } : { dNumber, synthetic }),
      )
      .filter((n): n is string => n !== undefined)
    const mark = fc.constantFrom(" ", ".", "-", "_", "\t", "\u00a0", "\u00ad", "\u2009", "\u200b", "\u202f", "\u2060")
    const marks = fc.array(mark, { maxLength: 3 }).map((xs) => xs.join(""))
    // Text around it: letters, digits, slashes, dates, marks and line breaks.
    const around = fc
      .array(fc.constantFrom(..."ab fnr/-.:,\n0123456789", "2024-01-08", "/enrollments/12/"), { maxLength: 12 })
      .map((xs) => xs.join(""))
    fc.assert(
      fc.property(around, nationalId, marks, marks, around, (before, n, m1, m2, after) => {
        // A letter right beside the number, so that no digit of the text joins it.
        const text = `${before}a${n.slice(0, 6)}${m1}/${m2}${n.slice(6)}b${after}`
        const out = Redact.text(text)
        expect(out).toContain(`a${Redact.MASK}b`)
        expect(out).not.toContain(n)
        expect(Redact.containsNationalId(text)).toBe(true)
        // The same number as a key in a JSON pointer.
        const pointer = Problems.jsonPointer([before, `${n.slice(0, 6)}/${n.slice(6)}`])
        expect(Redact.text(pointer).endsWith(`/${Redact.MASK}`)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })

  it("date ranges pass through unchanged (property)", () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        const dmy = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`
        const short = (d: string) => `${d.slice(8, 10)}${d.slice(5, 7)}${d.slice(2, 4)}`
        for (const range of [`${a}/${b}`, `${dmy(a)}/${dmy(b)}`, `${short(a)}/${short(b)}`, `periode ${a}/${b}.`]) {
          expect(Redact.text(range)).toBe(range)
          expect(Redact.containsNationalId(range)).toBe(false)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it("runs in linear time on long text of digits and slashes", () => {
    // Each of these holds a candidate or a near miss at almost every digit;
    // a pattern or a walk that backtracked over the text would take minutes.
    const length = 100_000
    const texts = [
      "1/",
      "0/1/",
      "010190/",
      "010190/1234/",
      "999999/12345/",
      "010190/12345/",
      "010190 / 1234 / ",
      "010190~1",
      "1".repeat(6),
    ].map((unit) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length))
    let seed = 7
    texts.push(
      Array.from({ length }, () => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31
        return "0123456789/ "[seed % 12]
      }).join(""),
    )
    for (const long of texts) {
      const t = performance.now()
      Redact.text(long)
      Redact.containsNationalId(long)
      // A work bound, not a timing of speed: linear runs take a few milliseconds.
      expect(performance.now() - t, long.slice(0, 16)).toBeLessThan(1000)
    }
  })
})

describe("Redact.text, the birth year written in full", () => {
  it("masks 01.01.1990 12345 and its other written forms, and leaves dates and counts alone", () => {
    for (const t of ["01.01.1990 12345", "01011990-12345", "01.01.1990/12345", "fnr: 01-01-1990 123 45."])
      expect(Redact.text(t), t).not.toMatch(/1990|12345|123 45/u)
    expect(Redact.text("født 01.01.1990 12345, ellers frisk")).toBe(`født ${Redact.MASK}, ellers frisk`)
    // Not a century, no birth date, or too few digits: as it stands.
    for (const t of ["01.01.2190 12345", "01.13.1990 12345", "01.03.2024 14 deltakere", "2024-01-08/2024-02-01"])
      expect(Redact.text(t)).toBe(t)
  })

  it("a valid identity number written with its year in full never shows (property)", () => {
    const written = fc
      .record({
        date: isoDate.filter((date) => date >= "1900" && date < "2040"),
        individual: fc.integer({ min: 0, max: 999 }),
        day: fc.constantFrom(".", "-", "", " "),
        gap: fc.constantFrom(" ", "-", "/", " / ", "", "\u00a0"),
      })
      .chain(({ date, individual, day, gap }) => {
        const n = makeNationalId(date, individual)
        if (n === undefined) return fc.constant(undefined)
        const full = `${date.slice(8, 10)}${day}${date.slice(5, 7)}${day}${date.slice(0, 4)}${gap}${n.slice(6)}`
        return fc.constant({ n, full, year: date.slice(0, 4) })
      })
      .filter((w): w is { n: string; full: string; year: string } => w !== undefined)
    fc.assert(
      fc.property(written, fc.constantFrom("", "fnr ", "født "), (w, before) => {
        const out = Redact.text(`${before}${w.full}.`)
        expect(out).toBe(`${before}${Redact.MASK}.`)
        expect(Redact.containsNationalId(w.full)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })
})

describe("Redact.text, the digit count before the pattern", () => {
  // A text with fewer than eleven digits is given back without the pattern.
  // Appending "/" and eleven zeros (no birth date, and a "/" before more than
  // five digits joins no number) sends the same text through the pattern: both
  // must mask alike.
  const unit = fc.constantFrom(
    ..."0123456789 .-/~\u00a0\u2013a:",
    "01019012345",
    "010190 12345",
    "01.01.90.123.45",
    "010190/12345",
    "010190~1",
  )
  const PAD = "/00000000000"
  it("masks exactly as the pattern does, whatever the text (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), (s) => {
        expect(Redact.text(s + PAD)).toBe(Redact.text(s) + PAD)
        expect(Redact.containsNationalId(s)).toBe(Redact.text(s) !== s)
      }),
      { numRuns: 2000 },
    )
  })

  it("leaves a text with ten digits or fewer as it is, and masks the eleventh digit's number", () => {
    expect(Redact.text("0101901234")).toBe("0101901234")
    expect(Redact.text("010190 1234x")).toBe("010190 1234x")
    expect(Redact.text("x01019012345")).toBe(`x${Redact.MASK}`)
  })
})

describe("Redact.show", () => {
  it("quotes strings, describes other values, cuts long text after redacting", () => {
    expect(Redact.show("01019012345")).toBe(`"${Redact.MASK}"`)
    expect(Redact.show({ a: 1 })).toBe("object")
    expect(Redact.show([1])).toBe("array")
    expect(Redact.show(`${"x".repeat(75)}01019012345`)).not.toMatch(/\d{4}/u)
    expect(Redact.show("y".repeat(500)).length).toBeLessThan(90)
  })
})
