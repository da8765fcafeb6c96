// The hand-written SHA-1 agrees with Web Crypto's, and the UUIDs it makes are
// RFC 9562 version-5 UUIDs.
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { sha1, URL_NAMESPACE, uuidBytes, uuidV5 } from "../../src/fhir/uuid.js"

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("")

describe("SHA-1 and UUID v5", () => {
  it("SHA-1 equals crypto.subtle.digest for any bytes, across block boundaries", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const expected = new Uint8Array(await crypto.subtle.digest("SHA-1", bytes))
        expect(hex(sha1(bytes))).toBe(hex(expected))
      }),
      { numRuns: 300 },
    )
    for (const n of [55, 56, 63, 64, 119, 120]) {
      const bytes = new Uint8Array(n).fill(97)
      expect(hex(sha1(bytes))).toBe(hex(new Uint8Array(await crypto.subtle.digest("SHA-1", bytes))))
    }
  })

  it("gives the RFC's example and Python's uuid5 values", () => {
    const dns = uuidBytes("6ba7b810-9dad-11d1-80b4-00c04fd430c8")
    expect(uuidV5(dns, "www.example.com")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2")
    // python3 -c 'import uuid; print(uuid.uuid5(uuid.NAMESPACE_URL, "https://aktivitetsmodell.no/fhir"))'
    expect(uuidV5(URL_NAMESPACE, "https://aktivitetsmodell.no/fhir")).toBe("3300303c-a4e1-5cd4-aa31-100aa2e678fc")
  })

  it("is version 5, variant RFC 9562, and the same for the same name", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => {
        const u = uuidV5(URL_NAMESPACE, name)
        expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u)
        expect(uuidV5(URL_NAMESPACE, name)).toBe(u)
      }),
    )
    expect(uuidV5(URL_NAMESPACE, "enrollments/n-1")).not.toBe(uuidV5(URL_NAMESPACE, "enrollments/n-2"))
  })
})
