// Every exported type is usable as a type from the BUILT packages, under
// "nodenext" (ESM and CommonJS resolution) and "bundler", with skipLibCheck
// off, on TypeScript 6.0 (the workspace's), 5.9 and 7.0 (npm aliases). The
// fixture is types/fixture/usage.ts (an app's code) plus a generated file
// that names each exported type, namespace members included.
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { unexpected } from "./diagnostics.mjs"
import { compile, compilers, modes, pool, prepare } from "./types/fixture.mjs"

type Run = { status: number | null; output: string }

let fixture: ReturnType<typeof prepare>
const runs = new Map<string, Promise<Run>>()

beforeAll(() => {
  fixture = prepare()
  const cases = compilers.flatMap((c) => modes.map((mode) => ({ key: `${c.name} ${mode}`, tsc: c.tsc, mode })))
  // Started here, two at a time, so that the compilers run side by side while each test waits for its own.
  const started = pool(
    cases.map((c) => () => compile(c.tsc, fixture.dir, c.mode)),
    2,
  )
  cases.forEach((c, i) => {
    const run = started[i]!
    run.catch(() => undefined) // reported by the test that awaits it
    runs.set(c.key, run)
  })
})

afterAll(async () => {
  await Promise.allSettled(runs.values())
  fixture?.cleanup()
})

describe("exported types from the built packages", () => {
  it("the generated list holds every namespace's types, the ones that once came out as values too", () => {
    const names = fixture.list.flatMap(({ entry, types }) => types.map((t) => `${entry} ${t.path.join(".")}`))
    expect(names).toEqual(
      expect.arrayContaining([
        "@aktivitetsmodell/core Invariants.Violation",
        "@aktivitetsmodell/core Invariants.SeedFact",
        "@aktivitetsmodell/core Invariants.ViolationCode",
        "@aktivitetsmodell/core Problems.Problem",
        "@aktivitetsmodell/analytics Labels.Lang",
        "@aktivitetsmodell/rules Decision.Decisions",
        "@aktivitetsmodell/core/node CsvResult",
      ]),
    )
    for (const { entry, types } of fixture.list) expect(types.length, entry).toBeGreaterThan(0)
  })

  for (const c of compilers) {
    for (const mode of modes) {
      it(`${c.name}, moduleResolution ${mode}, skipLibCheck false: no errors in our code or declarations`, async () => {
        const { status, output } = await runs.get(`${c.name} ${mode}`)!
        expect(unexpected(output), output).toEqual([])
        // tsc exits non-zero for the known third-party errors alone; a crash has no diagnostics at all.
        expect(status === 0 || /error TS\d+/u.test(output), output).toBe(true)
      })
    }
  }
})
