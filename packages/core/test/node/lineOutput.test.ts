import { EventEmitter } from "node:events"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { lineOutput } from "../../src/node/lineOutput.js"

// A stream as lineOutput sees it: what was written, and whether it wants a drain.
class FakeStream extends EventEmitter {
  written: Array<string> = []
  writableNeedDrain = false
  write(text: string) {
    this.written.push(text)
    return true
  }
}

const epipe = () => Object.assign(new Error("write EPIPE"), { code: "EPIPE" })

describe("lineOutput", () => {
  it("writes each line with a line break until the reader has gone, then drops lines quietly", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 8 }), fc.array(fc.string(), { maxLength: 8 }), (before, after) => {
        const s = new FakeStream()
        const out = lineOutput(s)
        for (const t of before) out.line(t)
        s.emit("error", epipe())
        for (const t of after) expect(() => out.line(t)).not.toThrow()
        expect(s.written).toEqual(before.map((t) => `${t}\n`))
      }),
    )
  })

  it("waits for drain while the reader is there, and returns at once after it has gone", async () => {
    const s = new FakeStream()
    const out = lineOutput(s)
    await out.drain()
    s.writableNeedDrain = true
    let drained = false
    const waiting = out.drain().then(() => {
      drained = true
    })
    await new Promise((r) => setTimeout(r, 5))
    expect(drained).toBe(false)
    s.emit("drain")
    await waiting
    expect(drained).toBe(true)
    // A wait that began before the reader left ends when it leaves: no drain comes after EPIPE.
    const stuck = out.drain()
    s.emit("error", epipe())
    await stuck
    await out.drain()
  })

  it("throws any other error again, as an unhandled stream error would", () => {
    const s = new FakeStream()
    lineOutput(s)
    expect(() => s.emit("error", Object.assign(new Error("disk full"), { code: "ENOSPC" }))).toThrow("disk full")
  })
})
