// node:crypto only here, as an independent reference for the Web Crypto code.
import { createHmac } from "node:crypto"
import { Schema } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { makeNationalId } from "../src/NationalId.js"
import {
  importPseudonymKey,
  makePseudonymiser,
  Pseudonym,
  PseudonymError,
  pseudonymise,
  pseudonymiseMany,
  secretFromBase64,
} from "../src/Pseudonym.js"

const SECRET = new TextEncoder().encode("test-secret-for-pseudonyms-0123456789")
const OTHER_SECRET = new TextEncoder().encode("another-secret-for-pseudonyms-9876543210")
const RANDOM32 = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) % 256)
// Public example numbers (Skatteetaten's 2032 page, fnrinfo.no, a Tenor test number).
const FNR = "02013299997"
const FNR_2032 = "30108299939"
const FNR_1899 = "31129956715"
const TENOR = "17912099997"

const reference = (secret: string | Uint8Array, id: string): string =>
  createHmac("sha256", secret).update(id, "utf8").digest("hex").slice(0, 32)

const failureOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise
  } catch (e) {
    return e
  }
  throw new Error("expected the promise to reject")
}

describe("Pseudonym schema", () => {
  it("accepts 32 lowercase hexadecimal characters", () => {
    expect(Schema.decodeUnknownSync(Pseudonym)("0f1e2d3c4b5a69788796a5b4c3d2e1f0")).toBe(
      "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    )
  })

  it("rejects anything else with its message", () => {
    for (const input of [
      "0F1E2D3C4B5A69788796A5B4C3D2E1F0",
      "0f1e2d3c4b5a69788796a5b4c3d2e1f",
      "0f1e2d3c4b5a69788796a5b4c3d2e1f0a",
      "g".repeat(32),
      "",
    ]) {
      expect(() => Schema.decodeUnknownSync(Pseudonym)(input)).toThrow(
        "Expected a pseudonym: 32 lowercase hexadecimal characters",
      )
    }
  })
})

describe("importPseudonymKey", () => {
  it("refuses anything but 32 or more varied bytes, in both languages, saying how to make a key", async () => {
    const refused: Array<unknown> = [
      "",
      "a-long-enough-text-secret-but-still-text-0123456789",
      32,
      { length: 16 },
      null,
      new Uint8Array(31).map((_, i) => i),
      new Uint8Array(32),
      new TextEncoder().encode("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
      new TextEncoder().encode("abababababababababababababababab"),
    ]
    for (const secret of refused) {
      const error = await failureOf(importPseudonymKey(secret as Uint8Array))
      expect(error).toBeInstanceOf(PseudonymError)
      const e = error as PseudonymError
      expect(e.code).toBe("secret-too-short")
      expect(e.text.en).toContain("crypto.getRandomValues(new Uint8Array(32))")
      expect(e.text.nb).toContain("lag en med crypto.getRandomValues")
      expect(e.message).toBe(`${e.text.en} / ${e.text.nb}`)
    }
  })

  it("reads a base64 secret and refuses text that is not base64", async () => {
    const text = Buffer.from(RANDOM32).toString("base64")
    expect(secretFromBase64(text)).toEqual(RANDOM32)
    expect(() => secretFromBase64("not base64!")).toThrow(PseudonymError)
  })

  it("passes a suitable CryptoKey through and refuses another kind of key", async () => {
    const key = await importPseudonymKey(RANDOM32)
    expect(await importPseudonymKey(key)).toBe(key)
    const aes = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt"])
    await expect(importPseudonymKey(aes as CryptoKey)).rejects.toMatchObject({ code: "unsuitable-key" })
  })

  it("makes a non-extractable HMAC-SHA-256 signing key", async () => {
    const key = await importPseudonymKey(RANDOM32)
    expect(key.extractable).toBe(false)
    expect(key.usages).toEqual(["sign"])
    expect(key.algorithm).toMatchObject({ name: "HMAC", hash: { name: "SHA-256" } })
  })

  it("is not affected by later changes to the caller's secret array", async () => {
    const secret = new Uint8Array(RANDOM32)
    const key = await importPseudonymKey(secret)
    const expected = reference(new Uint8Array(RANDOM32), FNR)
    secret.fill(0)
    expect(await pseudonymise(key, FNR)).toBe(expected)
  })
})

describe("pseudonymise", () => {
  it("matches HMAC-SHA-256 computed by node:crypto, truncated to 16 bytes (known answer)", async () => {
    const key = await importPseudonymKey(SECRET)
    for (const id of [FNR, FNR_2032, FNR_1899, TENOR]) {
      expect(await pseudonymise(key, id)).toBe(reference(SECRET, id))
    }
    const bytes = new Uint8Array(Array.from({ length: 32 }, (_, i) => i))
    expect(await pseudonymise(await importPseudonymKey(bytes), FNR)).toBe(reference(Buffer.from(bytes), FNR))
  })

  it("is 32 lowercase hex characters, and a valid Pseudonym", async () => {
    const p = await pseudonymise(await importPseudonymKey(SECRET), FNR)
    expect(p).toMatch(/^[0-9a-f]{32}$/u)
    expect(Schema.is(Pseudonym)(p)).toBe(true)
  })

  it("is deterministic for one key and differs between keys", async () => {
    const a = await importPseudonymKey(SECRET)
    const a2 = await importPseudonymKey(SECRET)
    const b = await importPseudonymKey(OTHER_SECRET)
    expect(await pseudonymise(a, FNR)).toBe(await pseudonymise(a, FNR))
    expect(await pseudonymise(a, FNR)).toBe(await pseudonymise(a2, FNR))
    expect(await pseudonymise(a, FNR)).not.toBe(await pseudonymise(b, FNR))
    expect(await pseudonymise(a, FNR)).not.toBe(await pseudonymise(a, FNR_2032))
  })

  it("trims the number first, so surrounding white space gives the same pseudonym", async () => {
    const key = await importPseudonymKey(SECRET)
    expect(await pseudonymise(key, `  ${FNR}\n`)).toBe(await pseudonymise(key, FNR))
  })

  it("accepts synthetic test numbers and 2032-rule numbers", async () => {
    const key = await importPseudonymKey(SECRET)
    expect(await pseudonymise(key, TENOR)).toBe(reference(SECRET, TENOR))
    expect(await pseudonymise(key, FNR_2032)).toBe(reference(SECRET, FNR_2032))
  })

  it("rejects an invalid number with the validator's reason, never the number", async () => {
    const key = await importPseudonymKey(SECRET)
    const id = "02013299998"
    const error = await failureOf(pseudonymise(key, id))
    expect(error).toBeInstanceOf(PseudonymError)
    const e = error as PseudonymError
    expect(e.code).toBe("check-digit-2")
    expect(e.text).toEqual({
      en: "The second check digit is 8, expected 7 for this number",
      nb: "Det andre kontrollsifferet er 8, forventet 7 for dette nummeret",
    })
    expect(e.message).not.toContain(id)
    expect(String(e.stack)).not.toContain(id)
  })

  it("rejects keys that would silently give other pseudonyms", async () => {
    const sha512 = await crypto.subtle.importKey("raw", new Uint8Array(32), { name: "HMAC", hash: "SHA-512" }, false, [
      "sign",
    ])
    const verifyOnly = await crypto.subtle.importKey(
      "raw",
      new Uint8Array(32),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["verify"],
    )
    for (const key of [sha512, verifyOnly]) {
      const error = await failureOf(pseudonymise(key, FNR))
      expect(error).toBeInstanceOf(PseudonymError)
      expect((error as PseudonymError).code).toBe("unsuitable-key")
      await expect(pseudonymiseMany(key, [FNR])).rejects.toBeInstanceOf(PseudonymError)
    }
  })
})

describe("pseudonymiseMany", () => {
  it("keeps every input at its index, with rejections in both languages", async () => {
    const key = await importPseudonymKey(SECRET)
    const ids = [FNR, "123", " 31129956715 ", "17912099998", FNR_2032, FNR]
    const results = await pseudonymiseMany(key, ids)
    expect(results).toHaveLength(ids.length)
    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5])
    expect(results[0]).toEqual({ index: 0, ok: true, pseudonym: reference(SECRET, FNR) })
    expect(results[1]).toEqual({
      index: 1,
      ok: false,
      code: "not-11-digits",
      message: {
        en: "A national identity number has exactly eleven digits; this has fewer",
        nb: "Et fødselsnummer har nøyaktig elleve sifre; dette har færre",
      },
    })
    expect(results[2]).toEqual({ index: 2, ok: true, pseudonym: reference(SECRET, FNR_1899) })
    expect(results[3]).toMatchObject({ index: 3, ok: false, code: "check-digit-2" })
    expect(results[4]).toEqual({ index: 4, ok: true, pseudonym: reference(SECRET, FNR_2032) })
    expect(results[5]).toEqual({ index: 5, ok: true, pseudonym: reference(SECRET, FNR) })
  })

  it("handles an empty list and holes in a sparse array", async () => {
    const key = await importPseudonymKey(SECRET)
    expect(await pseudonymiseMany(key, [])).toEqual([])
    const sparse: Array<string> = []
    sparse[2] = FNR
    const results = await pseudonymiseMany(key, sparse)
    expect(results.map((r) => [r.index, r.ok])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ])
  })

  it("never loses an input and agrees with pseudonymise (property)", async () => {
    const key = await importPseudonymKey(SECRET)
    const valid = fc
      .tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 499 }))
      .map(([days, individual]) =>
        makeNationalId(new Date(Date.UTC(1930, 0, 1) + days * 86_400_000).toISOString().slice(0, 10), individual),
      )
      .filter((id): id is string => id !== undefined)
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(valid, fc.string(), fc.stringMatching(/^[0-9]{11}$/)), { maxLength: 20 }),
        async (ids) => {
          const results = await pseudonymiseMany(key, ids)
          expect(results).toHaveLength(ids.length)
          for (const [i, r] of results.entries()) {
            expect(r.index).toBe(i)
            const id = ids[i] ?? ""
            if (r.ok) {
              expect(r.pseudonym).toBe(await pseudonymise(key, id))
            } else {
              await expect(pseudonymise(key, id)).rejects.toBeInstanceOf(PseudonymError)
              if (id.trim().length >= 6) {
                expect(r.message.en).not.toContain(id.trim())
                expect(r.message.nb).not.toContain(id.trim())
              }
            }
          }
        },
      ),
      { numRuns: 100 },
    )
  })
})

describe("makePseudonymiser", () => {
  it("gives the same pseudonyms as an imported key", async () => {
    const pseudonymiser = await makePseudonymiser(SECRET)
    const key = await importPseudonymKey(SECRET)
    expect(await pseudonymiser.pseudonymise(FNR)).toBe(await pseudonymise(key, FNR))
    expect(await pseudonymiser.pseudonymiseMany([FNR, "x"])).toEqual(await pseudonymiseMany(key, [FNR, "x"]))
  })

  it("refuses a short secret", async () => {
    await expect(makePseudonymiser(new Uint8Array(8))).rejects.toBeInstanceOf(PseudonymError)
  })
})
