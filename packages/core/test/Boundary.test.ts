// Boundary.inheritedKeys (and hasInheritedKeys, its yes or no): what a polluted Object.prototype or Array.prototype
// hands every object or list, which Batch.decode and analytics' boundary check.
import { afterEach, describe, expect, it } from "vitest"
import { Boundary } from "../src/index.js"

const objectProto = Object.prototype as Record<string, unknown>
const arrayProto = Array.prototype as unknown as Record<string, unknown>

afterEach(() => {
  delete objectProto.planted
  delete arrayProto.listed
})

describe("Boundary.inheritedKeys", () => {
  it("is empty on clean prototypes", () => {
    expect(Boundary.inheritedKeys()).toEqual({ object: [], array: [] })
    expect(Boundary.hasInheritedKeys()).toBe(false)
  })

  it("names a key written to Object.prototype, once, under object", () => {
    objectProto.planted = 1
    expect(Boundary.inheritedKeys()).toEqual({ object: ["planted"], array: [] })
    expect(Boundary.hasInheritedKeys()).toBe(true)
  })

  it("names a key only lists inherit under array", () => {
    arrayProto.listed = 1
    expect(Boundary.inheritedKeys()).toEqual({ object: [], array: ["listed"] })
    expect(Boundary.hasInheritedKeys()).toBe(true)
  })

  it("leaves out keys that are not enumerable", () => {
    Object.defineProperty(objectProto, "planted", { value: 1, enumerable: false, configurable: true })
    expect(Boundary.inheritedKeys()).toEqual({ object: [], array: [] })
    expect(Boundary.hasInheritedKeys()).toBe(false)
  })
})
