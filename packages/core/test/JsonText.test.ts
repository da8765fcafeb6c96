import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { JsonText } from "../src/index.js"

describe("JsonText.parse", () => {
  it("gives the line of every value by JSON pointer", () => {
    const r = JsonText.parse('{\n  "a": [\n    1,\n    {"b~/c": true}\n  ],\n  "d": null\n}')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect([
      r.lineOf(""),
      r.lineOf("/a"),
      r.lineOf("/a/0"),
      r.lineOf("/a/1/b~0~1c"),
      r.lineOf("/d"),
      r.lineOf("/x"),
    ]).toEqual([1, 2, 3, 4, 6, undefined])
    expect(JsonText.nearestLine(r, "/a/1/missing")).toBe(4)
  })

  it("reports syntax errors with line and column in both languages", () => {
    expect(JsonText.parse('{\n  "a": 1,\n  "b" 2\n}')).toEqual({
      ok: false,
      line: 3,
      column: 7,
      message: { en: "Expected ':' after the property name", nb: "Forventet ':' etter feltnavnet" },
    })
    expect(JsonText.parse("[1, 2").ok).toBe(false)
    expect(JsonText.parse("[1] x").ok).toBe(false)
  })

  it("agrees with JSON.parse on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (v, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : 0)
        const r = JsonText.parse(text)
        expect(r.ok && r.value).toEqual(JSON.parse(text))
      }),
    )
  })

  it("keeps a __proto__ key as a plain key, as JSON.parse does", () => {
    const r = JsonText.parse('{"__proto__": {"polluted": true}}')
    expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype)
    expect(r.ok && Object.keys(r.value as object)).toEqual(["__proto__"])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it("reports absurd nesting as a syntax problem instead of overflowing the stack", () => {
    const r = JsonText.parse("[".repeat(100_000))
    expect(r).toEqual({
      ok: false,
      line: 1,
      column: 514,
      message: { en: "Nested deeper than 512 levels", nb: "Nøstet dypere enn 512 nivåer" },
    })
  })

  it("refuses valid JSON nested deeper than 512 levels, where JSON.parse alone would accept it", () => {
    // A value at depth 513 (the root is at 0) is refused at its place; an empty array there has no value inside.
    const deep = `${"[".repeat(513)}1${"]".repeat(513)}`
    expect(() => JSON.parse(deep)).not.toThrow()
    expect(JsonText.parse(deep)).toEqual({
      ok: false,
      line: 1,
      column: 514,
      message: { en: "Nested deeper than 512 levels", nb: "Nøstet dypere enn 512 nivåer" },
    })
    const deepObject = `${'{"a":'.repeat(513)}1${"}".repeat(513)}`
    expect(JsonText.parse(deepObject).ok).toBe(false)
    const deepest = JsonText.parse(`${"[".repeat(513)}${"]".repeat(513)}`)
    expect(deepest.ok).toBe(true)
    expect(deepest.ok && deepest.lineOf("/0/0")).toBe(1)
  })

  it("gives lines by pointer for a valid text, however often it is asked", () => {
    const r = JsonText.parse('[\n  {"a": 1},\n\n  {"a": 2}\n]')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect([r.lineOf("/1/a"), r.lineOf("/0"), r.lineOf("/1/a"), r.lineOf("/2")]).toEqual([4, 2, 4, undefined])
  })

  it("refuses anything but a string with a CoreError, as JSON.parse would not", () => {
    for (const input of [123, null, undefined, ["{}"], { toString: () => "{}" }]) {
      expect(() => JsonText.parse(input as unknown as string)).toThrow(/JsonText\.parse could not use its arguments/u)
    }
  })

  it("rejects what JSON.parse rejects", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        let native = true
        try {
          JSON.parse(text)
        } catch {
          native = false
        }
        expect(JsonText.parse(text).ok).toBe(native)
      }),
    )
  })
})
