import { Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  type CheckDigitRules,
  isNationalId,
  makeNationalId,
  NationalId,
  type NationalIdValidation,
  validateNationalId,
} from "../src/NationalId.js"

// An independent re-implementation of the check digits, so tests can build
// numbers the constructor refuses (wrong century series, gaps) and so the
// module is checked against a second reading of the rules.
const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2]
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]
const sum = (s: string, w: ReadonlyArray<number>): number => w.reduce((acc, x, i) => acc + x * Number(s[i]), 0)
/** The full number for nine digits whose k1 makes (S1 + k1) mod 11 equal `remainder`, or undefined. */
const withCheckDigits = (nine: string, remainder = 0): string | undefined => {
  const k1 = (((remainder - sum(nine, W1)) % 11) + 11) % 11
  if (k1 === 10) return undefined
  const k2 = (((0 - sum(nine + k1, W2)) % 11) + 11) % 11
  return k2 === 10 ? undefined : `${nine}${k1}${k2}`
}
const mustBuild = (nine: string, remainder = 0): string => {
  const id = withCheckDigits(nine, remainder)
  if (id === undefined) throw new Error(`test setup: no number for ${nine} with remainder ${remainder}`)
  return id
}

/** Nine digits completed with the first remainder (0–3) for which both check digits exist. */
const build = (nine: string): string => {
  for (const r of [0, 1, 2, 3]) {
    const id = withCheckDigits(nine, r)
    if (id !== undefined) return id
  }
  throw new Error(`test setup: no number for ${nine}`)
}

const rejection = (r: NationalIdValidation) => (r.ok ? undefined : r.rejection)

describe("validateNationalId: numbers from public sources", () => {
  it("accepts fnrinfo.no's worked example, born in 1899 (series 500–749)", () => {
    // http://www.fnrinfo.no/Teknisk/KontrollsifferBeregning.aspx
    expect(validateNationalId("31129956715")).toEqual({
      ok: true,
      kind: "fodselsnummer",
      birthDate: "1899-12-31",
      checkDigitRules: "classic",
    })
  })

  it("accepts Skatteetaten's classic-valid examples on the 2032 page", () => {
    // https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/nytt-fodselsnummer-fra-2032/
    expect(validateNationalId("02013299997", { checkDigitRules: "classic" })).toEqual({
      ok: true,
      kind: "fodselsnummer",
      birthDate: "2032-01-02",
      checkDigitRules: "classic",
    })
    expect(validateNationalId("30108299920", { checkDigitRules: "classic" })).toMatchObject({
      ok: true,
      birthDate: "1982-10-30",
    })
    expect(validateNationalId("02013299806", { checkDigitRules: "classic" })).toMatchObject({ ok: true })
  })

  it("accepts Skatteetaten's 2032-rule examples under 2032 and any, but not under classic", () => {
    for (const [id, birthDate, given, expected] of [
      ["02013299903", "2032-01-02", 0, 9],
      ["30108299939", "1982-10-30", 3, 2],
    ] as const) {
      for (const rules of ["2032", "any"] as const) {
        expect(validateNationalId(id, { checkDigitRules: rules })).toEqual({
          ok: true,
          kind: "fodselsnummer",
          birthDate,
          checkDigitRules: "2032",
        })
      }
      expect(validateNationalId(id)).toMatchObject({ ok: true, checkDigitRules: "2032" })
      expect(rejection(validateNationalId(id, { checkDigitRules: "classic" }))).toEqual({
        code: "check-digit-1",
        message: {
          en: `The first check digit is ${given}, expected ${expected} for this number`,
          nb: `Det første kontrollsifferet er ${given}, forventet ${expected} for dette nummeret`,
        },
      })
    }
  })

  it("reports classic numbers as classic under every rule set, since remainder 0 is allowed in 2032", () => {
    for (const rules of ["classic", "2032", "any"] as const) {
      expect(validateNationalId("31129956715", { checkDigitRules: rules }).ok).toBe(true)
    }
    expect(validateNationalId("31129956715", { checkDigitRules: "2032" })).toMatchObject({ checkDigitRules: "2032" })
    expect(validateNationalId("31129956715", { checkDigitRules: "any" })).toMatchObject({ checkDigitRules: "classic" })
  })

  it("accepts D-numbers (day + 40) and gives the real birth date", () => {
    const d = mustBuild("701082999")
    expect(d).toBe("70108299914")
    expect(validateNationalId(d)).toEqual({
      ok: true,
      kind: "d-number",
      birthDate: "1982-10-30",
      checkDigitRules: "classic",
    })
    expect(validateNationalId(mustBuild("410100100"))).toMatchObject({ kind: "d-number", birthDate: "1900-01-01" })
    expect(validateNationalId(mustBuild("711299567"))).toMatchObject({ kind: "d-number", birthDate: "1899-12-31" })
  })

  // Dolly (NAV, month + 40) and Tenor/Test-Norge (month + 80) numbers from
  // navikt/familie-felles' FødselsnummerTest, with their stated birth dates.
  const synthetic: ReadonlyArray<readonly [string, string]> = [
    ["15507600333", "1976-10-15"],
    ["55507608360", "1976-10-15"],
    ["29422059278", "2020-02-29"],
    ["69422056629", "2020-02-29"],
    ["12505209719", "1952-10-12"],
    ["21483609245", "1936-08-21"],
    ["17912099997", "2020-11-17"],
    ["57912075186", "2020-11-17"],
    ["29822099635", "2020-02-29"],
    ["12905299938", "1952-10-12"],
    ["61883600222", "1936-08-21"],
  ]

  it("accepts NAV's and Tenor's synthetic numbers only with allowSynthetic", () => {
    for (const [id, birthDate] of synthetic) {
      expect(validateNationalId(id, { allowSynthetic: true })).toEqual({
        ok: true,
        kind: "synthetic",
        birthDate,
        checkDigitRules: "classic",
      })
      expect(rejection(validateNationalId(id))?.code).toBe("synthetic-not-allowed")
      expect(isNationalId(id)).toBe(false)
    }
  })
})

describe("validateNationalId: rejections and their messages", () => {
  const tooFew = {
    code: "not-11-digits",
    message: {
      en: "A national identity number has exactly eleven digits; this has fewer",
      nb: "Et fødselsnummer har nøyaktig elleve sifre; dette har færre",
    },
  }
  const tooMany = {
    code: "not-11-digits",
    message: {
      en: "A national identity number has exactly eleven digits; this has more",
      nb: "Et fødselsnummer har nøyaktig elleve sifre; dette har flere",
    },
  }
  const otherCharacters = {
    code: "not-11-digits",
    message: {
      en: "A national identity number is eleven digits and nothing else; this has other characters (such as spaces, dashes or letters)",
      nb: "Et fødselsnummer er elleve sifre og ingenting annet; dette har andre tegn (som mellomrom, bindestrek eller bokstaver)",
    },
  }

  it("rejects anything but exactly eleven ASCII digits", () => {
    expect(rejection(validateNationalId(""))).toEqual(tooFew)
    expect(rejection(validateNationalId("0201329999"))).toEqual(tooFew)
    expect(rejection(validateNationalId("020132999970"))).toEqual(tooMany)
    for (const input of [
      " 02013299997",
      "02013299997\n",
      "020132 99997",
      "020132-99997",
      "0201329999x",
      "０２０１３２９９９９７",
      "٠٢٠١٣٢٩٩٩٩٧",
    ]) {
      expect(rejection(validateNationalId(input))).toEqual(otherCharacters)
    }
  })

  it("does not throw for non-strings that reach it from plain JavaScript", () => {
    for (const input of [undefined, null, 2013299997, {}, ["02013299997"]]) {
      expect(rejection(validateNationalId(input as unknown as string))).toEqual(otherCharacters)
    }
  })

  it("rejects impossible dates with the part that is wrong", () => {
    const month = {
      code: "invalid-date",
      message: {
        en: "The month (digits 3–4) is not a month from 01 to 12",
        nb: "Måneden (siffer 3–4) er ikke en måned fra 01 til 12",
      },
    }
    const day = {
      code: "invalid-date",
      message: {
        en: "The day (digits 1–2) is not from 01 to 31 (41 to 71 for a D-number)",
        nb: "Dagen (siffer 1–2) er ikke fra 01 til 31 (41 til 71 for D-nummer)",
      },
    }
    const notInMonth = {
      code: "invalid-date",
      message: {
        en: "The day (digits 1–2) does not exist in that month",
        nb: "Dagen (siffer 1–2) finnes ikke i den måneden",
      },
    }
    const notLeap = {
      code: "invalid-date",
      message: {
        en: "29 February exists only in leap years, and the birth year (digits 5–6) is not one",
        nb: "29. februar finnes bare i skuddår, og fødselsåret (siffer 5–6) er ikke et skuddår",
      },
    }
    expect(rejection(validateNationalId(build("011382100")))).toEqual(month)
    expect(rejection(validateNationalId(build("010082100")))).toEqual(month)
    // 53–80 is neither a real nor a synthetic month, even when synthetic numbers are allowed.
    expect(rejection(validateNationalId(build("016082100"), { allowSynthetic: true }))).toEqual(month)
    expect(rejection(validateNationalId(build("000182100")))).toEqual(day)
    expect(rejection(validateNationalId(build("320182100")))).toEqual(day)
    expect(rejection(validateNationalId(build("400182100")))).toEqual(day)
    expect(rejection(validateNationalId(build("720182100")))).toEqual(day)
    expect(rejection(validateNationalId(build("310482100")))).toEqual(notInMonth)
    expect(rejection(validateNationalId(build("300282100")))).toEqual(notInMonth)
    expect(rejection(validateNationalId(build("710482100")))).toEqual(notInMonth)
    expect(rejection(validateNationalId(build("290282100")))).toEqual(notLeap)
  })

  it("rejects a wrong first check digit with the expected value", () => {
    expect(rejection(validateNationalId("31129956725", { checkDigitRules: "classic" }))).toEqual({
      code: "check-digit-1",
      message: {
        en: "The first check digit is 2, expected 1 for this number",
        nb: "Det første kontrollsifferet er 2, forventet 1 for dette nummeret",
      },
    })
    // Under the 2032 rules k1 may be 1, 2, 3 or 4 here (remainders 0–3).
    expect(rejection(validateNationalId("31129956705"))).toEqual({
      code: "check-digit-1",
      message: {
        en: "The first check digit is 0, expected one of 1, 2, 3 or 4 for this number",
        nb: "Det første kontrollsifferet er 0, forventet ett av 1, 2, 3 eller 4 for dette nummeret",
      },
    })
  })

  it("says so when no first check digit is valid under the classic rules", () => {
    // 010190012: the classic k1 would be 10, so the individual number cannot be used that day.
    expect(rejection(validateNationalId("01019001234", { checkDigitRules: "classic" }))).toEqual({
      code: "check-digit-1",
      message: {
        en: "The first check digit is 3, but no first check digit is valid for these first nine digits",
        nb: "Det første kontrollsifferet er 3, men ingen første kontrollsiffer er gyldig for disse ni første sifrene",
      },
    })
  })

  it("rejects a wrong second check digit with the expected value", () => {
    expect(rejection(validateNationalId("31129956716"))).toEqual({
      code: "check-digit-2",
      message: {
        en: "The second check digit is 6, expected 5 for this number",
        nb: "Det andre kontrollsifferet er 6, forventet 5 for dette nummeret",
      },
    })
  })

  it("says so when no second check digit is valid", () => {
    // 0101900075: k1 = 5 is right, but k2 would be 10.
    expect(rejection(validateNationalId("01019000750"))).toEqual({
      code: "check-digit-2",
      message: {
        en: "The second check digit is 0, but no second check digit is valid for the first ten digits",
        nb: "Det andre kontrollsifferet er 0, men ingen andre kontrollsiffer er gyldig for de ti første sifrene",
      },
    })
  })

  it("rejects synthetic numbers without allowSynthetic, naming which kind", () => {
    expect(rejection(validateNationalId("17912099997"))).toEqual({
      code: "synthetic-not-allowed",
      message: {
        en: "This is a synthetic test number (month raised by 80, as in Tenor's test data), and synthetic numbers are not accepted here",
        nb: "Dette er et syntetisk testnummer (måned økt med 80, som i Tenors testdata), og syntetiske numre godtas ikke her",
      },
    })
    expect(rejection(validateNationalId("15507600333"))).toEqual({
      code: "synthetic-not-allowed",
      message: {
        en: "This is a synthetic test number or an H-number (month raised by 40, as in NAV's test data), and those are not accepted here",
        nb: "Dette er et syntetisk testnummer eller H-nummer (måned økt med 40, som i NAVs testdata), og slike godtas ikke her",
      },
    })
  })

  it("checks synthetic numbers' check digits like any other when they are allowed", () => {
    expect(rejection(validateNationalId("17912099998", { allowSynthetic: true }))?.code).toBe("check-digit-2")
  })
})

describe("validateNationalId: centuries from the individual number", () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ["010100100", "1900-01-01"],
    ["010199499", "1999-01-01"],
    ["010154500", "1854-01-01"],
    ["010199749", "1899-01-01"],
    ["010100500", "2000-01-01"],
    ["010139749", "2039-01-01"],
    ["010100750", "2000-01-01"],
    ["010139899", "2039-01-01"],
    ["010140900", "1940-01-01"],
    ["010199999", "1999-01-01"],
    ["010139999", "2039-01-01"],
  ]

  it.each(cases)("%s… is born %s", (nine, birthDate) => {
    // Any remainder whose check digits exist: classic if possible.
    const id = withCheckDigits(nine, 0) ?? mustBuild(nine, 3)
    const rules: CheckDigitRules = withCheckDigits(nine, 0) === undefined ? "2032" : "classic"
    expect(validateNationalId(id, { checkDigitRules: rules })).toMatchObject({ ok: true, birthDate })
  })

  const gaps = [
    {
      nine: "010140500",
      en: "The individual number (digits 7–9) is in the 500–749 series, used only for births in 1854–1899 and 2000–2039, and the birth year (digits 5–6) fits neither",
      nb: "Individnummeret (siffer 7–9) er i serien 500–749, som bare brukes for fødte i 1854–1899 og 2000–2039, og fødselsåret (siffer 5–6) passer med ingen av dem",
    },
    {
      nine: "010153749",
      en: "The individual number (digits 7–9) is in the 500–749 series, used only for births in 1854–1899 and 2000–2039, and the birth year (digits 5–6) fits neither",
      nb: "Individnummeret (siffer 7–9) er i serien 500–749, som bare brukes for fødte i 1854–1899 og 2000–2039, og fødselsåret (siffer 5–6) passer med ingen av dem",
    },
    {
      nine: "010140750",
      en: "The individual number (digits 7–9) is in the 750–899 series, used only for births in 2000–2039, and the birth year (digits 5–6) does not fit",
      nb: "Individnummeret (siffer 7–9) er i serien 750–899, som bare brukes for fødte i 2000–2039, og fødselsåret (siffer 5–6) passer ikke",
    },
    {
      nine: "010199899",
      en: "The individual number (digits 7–9) is in the 750–899 series, used only for births in 2000–2039, and the birth year (digits 5–6) does not fit",
      nb: "Individnummeret (siffer 7–9) er i serien 750–899, som bare brukes for fødte i 2000–2039, og fødselsåret (siffer 5–6) passer ikke",
    },
  ]

  it("rejects series that give no century under the classic rules", () => {
    for (const { nine, en, nb } of gaps) {
      expect(rejection(validateNationalId(mustBuild(nine), { checkDigitRules: "classic" }))).toEqual({
        code: "invalid-individual-number",
        message: { en, nb },
      })
    }
  })

  it("accepts them under the 2032 rules, which no longer encode the century, and infers 19yy for years 40–99", () => {
    for (const { nine } of gaps) {
      const id = mustBuild(nine)
      const year = `19${nine.slice(4, 6)}`
      for (const rules of ["2032", "any"] as const) {
        expect(validateNationalId(id, { checkDigitRules: rules })).toEqual({
          ok: true,
          kind: "fodselsnummer",
          birthDate: `${year}-01-01`,
          checkDigitRules: "2032",
        })
      }
    }
  })
})

describe("validateNationalId: 29 February", () => {
  it("rejects 29.02.1900 (individual 000–499) under the classic rules: 1900 was no leap year", () => {
    expect(rejection(validateNationalId(mustBuild("290200100"), { checkDigitRules: "classic" }))).toEqual({
      code: "invalid-date",
      message: {
        en: "29 February does not exist in 1900, the birth year the individual number (digits 7–9) gives",
        nb: "29. februar finnes ikke i 1900, fødselsåret individnummeret (siffer 7–9) gir",
      },
    })
  })

  it("accepts 29.02.2000 (individual 500–999)", () => {
    expect(validateNationalId(mustBuild("290200600"), { checkDigitRules: "classic" })).toMatchObject({
      ok: true,
      birthDate: "2000-02-29",
    })
  })

  it("accepts 29.02.00 with individual 000–499 under 2032 rules as born 2000, as Skatteetaten's validator does", () => {
    for (const rules of ["2032", "any"] as const) {
      expect(validateNationalId(mustBuild("290200100"), { checkDigitRules: rules })).toEqual({
        ok: true,
        kind: "fodselsnummer",
        birthDate: "2000-02-29",
        checkDigitRules: "2032",
      })
    }
  })

  it("accepts 29 February in other leap years and rejects it in other years", () => {
    expect(validateNationalId(mustBuild("290204600", 0))).toMatchObject({ ok: true, birthDate: "2004-02-29" })
    expect(validateNationalId(mustBuild("290204100", 1))).toMatchObject({ ok: true, birthDate: "1904-02-29" })
    expect(rejection(validateNationalId(mustBuild("290201100")))?.code).toBe("invalid-date")
  })
})

describe("makeNationalId", () => {
  it("reproduces the published examples", () => {
    expect(makeNationalId("1899-12-31", 567)).toBe("31129956715")
    expect(makeNationalId("2032-01-02", 999)).toBe("02013299997")
    expect(makeNationalId("2032-01-02", 999, { rules: "2032", remainder: 2 })).toBe("02013299903")
    expect(makeNationalId("1982-10-30", 999)).toBe("30108299920")
    expect(makeNationalId("1982-10-30", 999, { rules: "2032" })).toBe("30108299939")
  })

  it("makes D-numbers and synthetic numbers", () => {
    expect(makeNationalId("1982-10-30", 999, { dNumber: true })).toBe("70108299914")
    // Tenor/Test-Norge's own example, 17.11.2020 individual 999.
    expect(makeNationalId("2020-11-17", 999, { synthetic: "tenor" })).toBe("17912099997")
    expect(makeNationalId("1976-10-15", 3, { synthetic: "nav" })).toBe("15507600333")
    expect(makeNationalId("1976-10-15", 83, { synthetic: "nav", dNumber: true })).toBe("55507608360")
  })

  it("returns undefined when no valid number exists", () => {
    expect(makeNationalId("1990-01-01", 12)).toBeUndefined() // classic k1 = 10
    expect(makeNationalId("1990-01-01", 7)).toBeUndefined() // classic k2 = 10
    expect(makeNationalId("2032-01-02", 999, { rules: "2032", remainder: 1 })).toBeUndefined() // k1 = 10
    expect(makeNationalId("1900-02-29", 100)).toBeUndefined()
    expect(makeNationalId("2023-13-01", 100)).toBeUndefined()
    expect(makeNationalId("23-01-01", 100)).toBeUndefined()
    expect(makeNationalId("2023-01-01", -1)).toBeUndefined()
    expect(makeNationalId("2023-01-01", 1000)).toBeUndefined()
    expect(makeNationalId("2023-01-01", 1.5)).toBeUndefined()
    expect(makeNationalId("2023-01-01", Number.NaN)).toBeUndefined()
    // The series does not give the birth year's century.
    expect(makeNationalId("2023-01-01", 100)).toBeUndefined()
    expect(makeNationalId("1930-01-01", 999)).toBeUndefined()
    expect(makeNationalId("1853-01-01", 600)).toBeUndefined()
    expect(makeNationalId("2040-01-01", 600)).toBeUndefined()
  })
})

describe("NationalId schema and isNationalId", () => {
  it("decodes a valid number and keeps it unchanged", () => {
    expect(Schema.decodeUnknownSync(NationalId)("02013299997")).toBe("02013299997")
    expect(Schema.decodeUnknownSync(NationalId)("30108299939")).toBe("30108299939")
    expect(Schema.is(NationalId)("70108299914")).toBe(true)
  })

  it("rejects with a fixed message that does not repeat the input", () => {
    for (const input of ["02013299998", "17912099997", "0201329999", " 02013299997"]) {
      let message = ""
      try {
        Schema.decodeUnknownSync(NationalId)(input)
      } catch (e) {
        message = e instanceof Error ? e.message : String(e)
      }
      expect(message).toBe("Expected a valid Norwegian national identity number (fødselsnummer or D-number, 11 digits)")
      expect(message).not.toContain(input.trim())
    }
  })

  it("isNationalId agrees with validateNationalId's defaults", () => {
    expect(isNationalId("02013299997")).toBe(true)
    expect(isNationalId("02013299903")).toBe(true)
    expect(isNationalId("02013299998")).toBe(false)
    expect(isNationalId("")).toBe(false)
  })
})

// Dates 1854-01-01 … 2039-12-31 with an individual number from a series that
// gives that date's century.
const birth = fc
  .record({
    date: fc.date({
      min: new Date("1854-01-01T00:00:00Z"),
      max: new Date("2039-12-31T00:00:00Z"),
      noInvalidDate: true,
    }),
    n: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ date, n }) => {
    const birthDate = date.toISOString().slice(0, 10)
    const year = date.getUTCFullYear()
    // 1940–1999 may also use 900–999: 500–599 of n % 600 are moved up there.
    const late = n % 600
    const individual =
      year < 1900
        ? 500 + (n % 250)
        : year < 1940
          ? n % 500
          : year < 2000
            ? late < 500
              ? late
              : late + 400
            : 500 + (n % 500)
    return { birthDate, individual }
  })

const options = fc.record(
  {
    dNumber: fc.boolean(),
    rules: fc.constantFrom("classic" as const, "2032" as const),
    remainder: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
    synthetic: fc.constantFrom("tenor" as const, "nav" as const),
  },
  { requiredKeys: [] },
)

describe("properties", () => {
  it("makeNationalId's numbers validate and give back the birth date and kind", () => {
    fc.assert(
      fc.property(birth, options, ({ birthDate, individual }, opts) => {
        const id = makeNationalId(birthDate, individual, opts)
        fc.pre(id !== undefined)
        const result = validateNationalId(id ?? "", { allowSynthetic: true })
        const kind = opts.synthetic !== undefined ? "synthetic" : opts.dNumber === true ? "d-number" : "fodselsnummer"
        const classic = opts.rules !== "2032" || (opts.remainder ?? 1) === 0
        expect(result).toEqual({ ok: true, kind, birthDate, checkDigitRules: classic ? "classic" : "2032" })
        expect(validateNationalId(id ?? "", { allowSynthetic: true, checkDigitRules: "classic" }).ok).toBe(classic)
        expect(validateNationalId(id ?? "", { allowSynthetic: true, checkDigitRules: "2032" }).ok).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it("changing any one digit of a valid classic number makes it invalid under the classic rules (and, via k2, under all)", () => {
    fc.assert(
      fc.property(
        birth,
        fc.boolean(),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        ({ birthDate, individual }, dNumber, position, delta) => {
          const id = makeNationalId(birthDate, individual, { dNumber })
          fc.pre(id !== undefined)
          const valid = id ?? ""
          const digit = (Number(valid[position]) + delta) % 10
          const changed = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`
          expect(validateNationalId(changed, { checkDigitRules: "classic" }).ok).toBe(false)
          expect(validateNationalId(changed, { checkDigitRules: "any", allowSynthetic: true }).ok).toBe(false)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it("never throws, whatever the string and options", () => {
    const rules = fc.constantFrom<CheckDigitRules | undefined>("classic", "2032", "any", undefined)
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: "grapheme" }),
          fc.stringMatching(/^[0-9]{11}$/),
          fc.stringMatching(/^[0-9 -]{9,13}$/),
        ),
        fc.boolean(),
        rules,
        (input, allowSynthetic, checkDigitRules) => {
          const opts = checkDigitRules === undefined ? { allowSynthetic } : { allowSynthetic, checkDigitRules }
          expect(() => validateNationalId(input, opts)).not.toThrow()
          expect(() => isNationalId(input)).not.toThrow()
        },
      ),
      { numRuns: 3000 },
    )
  })

  it("messages never contain the input", () => {
    const near = fc
      .tuple(birth, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 9 }))
      .map(([{ birthDate, individual }, position, digit]) => {
        const id = makeNationalId(birthDate, individual) ?? "31129956715"
        return `${id.slice(0, position)}${digit}${id.slice(position + 1)}`
      })
    fc.assert(
      fc.property(
        fc.oneof(
          near,
          fc.stringMatching(/^[0-9]{11}$/),
          fc.stringMatching(/^[0-9]{6,15}$/),
          fc.string({ minLength: 8 }),
        ),
        fc.boolean(),
        fc.constantFrom<CheckDigitRules>("classic", "2032", "any"),
        (input, allowSynthetic, checkDigitRules) => {
          const result = validateNationalId(input, { allowSynthetic, checkDigitRules })
          if (!result.ok) {
            expect(result.rejection.message.en).not.toContain(input)
            expect(result.rejection.message.nb).not.toContain(input)
          }
        },
      ),
      { numRuns: 3000 },
    )
  })
})
