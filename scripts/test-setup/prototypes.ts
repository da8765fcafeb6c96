// Runs around every test file: after the file, Object.prototype,
// Array.prototype and Function.prototype must be as they were. A hostile key
// that reaches a prototype (a CSV header "__proto__.x", a rule named
// "constructor") changes how every later record decodes, so any change fails.
import { afterAll, expect } from "vitest"

const watched = {
  Object: Object.prototype,
  Array: Array.prototype,
  Function: Function.prototype,
  String: String.prototype,
}

const snapshot = (proto: object) =>
  Reflect.ownKeys(proto)
    .map((k) => {
      const d = Object.getOwnPropertyDescriptor(proto, k)
      return [String(k), d?.value ?? d?.get ?? d?.set] as const
    })
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))

const before = Object.fromEntries(Object.entries(watched).map(([name, proto]) => [name, snapshot(proto)]))
const protoBefore = Object.entries(watched).map(([name, proto]) => [name, Object.getPrototypeOf(proto)] as const)

afterAll(() => {
  for (const [name, proto] of Object.entries(watched)) {
    const now = snapshot(proto)
    const was = before[name]!
    const added = now.filter(([k]) => !was.some(([w]) => w === k)).map(([k]) => k)
    const changed = now.filter(([k, v]) => was.some(([w, wv]) => w === k && wv !== v)).map(([k]) => k)
    expect({ prototype: name, added, changed }).toEqual({ prototype: name, added: [], changed: [] })
  }
  for (const [name, parent] of protoBefore)
    expect(Object.getPrototypeOf(watched[name as keyof typeof watched])).toBe(parent)
})
