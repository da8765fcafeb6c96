// Every function of the two public entries, called with anything at all —
// null, numbers, texts holding identity numbers, objects whose getters throw,
// cyclic objects, proxies, and the package's own values with one part broken
// — either returns or throws the package's AnalyticsError: English / bokmål,
// and no identity number in it. Never a TypeError from deep inside.
//
// FUZZ_RUNS sets the number of calls for the whole file (default 1,500),
// shared out over the functions.
import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Redact } from "@aktivitetsmodell/core"
import { generate } from "@aktivitetsmodell/core/synthetic"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as Analytics from "../../src/index.js"
import * as AnalyticsNode from "../../src/node/index.js"
import { policy } from "../fixturePolicy.js"

const total = Number(process.env.FUZZ_RUNS ?? 1500)
const perFunction = (count: number) => Math.max(10, Math.ceil(total / count))
const ids = ["01019012345", "010190 12345", "010190-12345", "01.01.90.123.45"]
const out = mkdtempSync(join(tmpdir(), "boundaries-"))

type Fn = (...args: Array<unknown>) => unknown
const isClass = (f: Fn) => /^class\b/u.test(Function.prototype.toString.call(f))

// Every function exported by the two entries, by name; classes are constructed.
const exported = (prefix: string, module: Record<string, unknown>): Array<[string, Fn]> =>
  Object.entries(module).flatMap(([name, value]): Array<[string, Fn]> => {
    if (typeof value === "function") return [[`${prefix}${name}`, value as Fn]]
    if (typeof value !== "object" || value === null || Array.isArray(value)) return []
    return Object.entries(value).flatMap(([k, v]) =>
      typeof v === "function" ? [[`${prefix}${name}.${k}`, v as Fn] as [string, Fn]] : [],
    )
  })
const catalogueComputes: Array<[string, Fn]> = Analytics.Indicators.all.map((i) => [
  `Indicators.catalogue.${i.id}.compute`,
  i.compute as Fn,
])
const functions = [...exported("", Analytics), ...exported("node:", AnalyticsNode), ...catalogueComputes]

// The package's own values, to be broken one part at a time.
const year = generate({ policy, seed: 9, year: 2024, citizens: 25 })
const tables = Analytics.Tables.fromDataset(year, { policy })
const result = Analytics.Indicator.compute(Analytics.Indicators.catalogue.completionRate, tables, { margins: true })
const published = Analytics.Publish.publish(result, { tables })
const report = Analytics.buildReport(year, { policy })
const grid = {
  cells: [
    [3, 10],
    [7, 12],
  ],
  rowTotals: [13, 19],
  columnTotals: [10, 22],
  grandTotal: 32,
}
const own = [
  year,
  tables,
  result,
  published,
  report,
  report.model,
  report.plan,
  grid,
  Analytics.Suppression.suppress(grid, { min: 1, max: 4 }),
  Analytics.Indicators.catalogue.participation,
  "nb",
  "en",
  2024,
  ["offering"],
  { min: 1, max: 4 },
]

const throwing = (key: string) => {
  const o: Record<string, unknown> = {}
  Object.defineProperty(o, key, {
    enumerable: true,
    get: () => {
      throw new Error(`getter ${ids[0]}`)
    },
  })
  return o
}
const keys = [
  "year",
  "offerings",
  "enrollments",
  "attendance",
  "lang",
  "rule",
  "min",
  "max",
  "table",
  "indicator",
  "by",
  "html",
  "markdown",
  "rows",
  "cells",
  "period",
  "days",
  "measures",
  "id",
  "title",
  "capacity",
  "then",
  "nb",
  "en",
  "plan",
  "model",
  "published",
  "text",
]
const cyclic = () => {
  const o: Record<string, unknown> = { year: 2024, rows: [], nb: "a", en: "b" }
  o.self = o
  o.rows = [o]
  o.indicator = o
  o.table = o
  return o
}
const hostileProxy = () =>
  new Proxy(
    {},
    {
      get: () => {
        throw new Error(ids[1])
      },
      has: () => {
        throw new Error(ids[2])
      },
      ownKeys: () => {
        throw new Error(ids[3])
      },
      getPrototypeOf: () => {
        throw new Error(ids[0])
      },
    },
  )
const badToString = () => ({
  toString: () => {
    throw new Error(ids[0])
  },
  [Symbol.toPrimitive]: () => {
    throw new Error(ids[1])
  },
})

// Values that fast-check must not touch itself (it looks into what it
// generates, and a proxy or a throwing getter would stop it there): each is
// generated as a recipe and made inside the property.
class Recipe {
  constructor(
    readonly label: string,
    readonly make: () => unknown,
  ) {}
  [fc.toStringMethod](): string {
    return this.label
  }
}
const recipe = (label: string, make: () => unknown) => new Recipe(label, make)

// One of the package's values with one key replaced (or made a throwing getter).
const broken = fc
  .tuple(fc.nat(own.length - 1), fc.constantFrom(...keys), fc.anything(), fc.boolean())
  .map(([i, key, replacement, getter]) =>
    recipe(`own[${i}] with ${key} ${getter ? "throwing" : "replaced"}`, () => {
      const value = own[i]
      if (typeof value !== "object" || value === null) return value
      const copy: Record<string, unknown> = Array.isArray(value)
        ? ([...value] as never)
        : { ...(value as Record<string, unknown>) }
      if (getter)
        Object.defineProperty(copy, key, {
          enumerable: true,
          get: () => {
            throw new Error(`getter ${ids[2]}`)
          },
        })
      else copy[key] = replacement
      return copy
    }),
  )

const anything = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.anything({
      maxDepth: 3,
      withBoxedValues: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
      withDate: true,
      withBigInt: true,
    }),
  },
  { weight: 2, arbitrary: fc.constantFrom(...ids, ...ids.map((id) => `fil ${id}.json`)) },
  { weight: 2, arbitrary: fc.constantFrom(...keys).map((k) => recipe(`throwing ${k}`, () => throwing(k))) },
  { weight: 1, arbitrary: fc.constant(recipe("cyclic", cyclic)) },
  { weight: 1, arbitrary: fc.constant(recipe("proxy", hostileProxy)) },
  { weight: 1, arbitrary: fc.constant(recipe("bad toString", badToString)) },
  { weight: 1, arbitrary: fc.func(fc.anything()) },
  { weight: 2, arbitrary: fc.nat(own.length - 1).map((i) => recipe(`own[${i}]`, () => own[i])) },
  { weight: 3, arbitrary: broken },
)

// Writers get a path in a folder of their own when their file argument is text.
const fileArgument: Record<string, number> = { "node:writeReport": 1, "node:writePlan": 1 }
const contained = (name: string, args: Array<unknown>) => {
  const k = fileArgument[name]
  if (k !== undefined && typeof args[k] === "string") args[k] = join(out, `f${args[k].length}.txt`)
  return args
}

const call = async (name: string, f: Fn, args: Array<unknown>): Promise<unknown> => {
  const a = contained(
    name,
    args.map((x) => (x instanceof Recipe ? x.make() : x)),
  )
  const r = isClass(f) ? new (f as unknown as new (...x: Array<unknown>) => unknown)(...a) : f(...a)
  return r instanceof Promise ? await r : r
}

const typed = (e: unknown) => {
  expect(e).toBeInstanceOf(Analytics.AnalyticsError)
  const { text, message } = e as Analytics.AnalyticsError
  expect(typeof text.en === "string" && text.en.length > 0 && typeof text.nb === "string" && text.nb.length > 0).toBe(
    true,
  )
  expect(message).toBe(`${text.en} / ${text.nb}`)
  expect(Redact.containsNationalId(message)).toBe(false)
}

describe("every public function, called with anything", () => {
  it("covers both entries and the catalogue's compute functions", () => {
    expect(functions.length).toBeGreaterThan(40)
    expect(functions.map(([n]) => n)).toEqual(
      expect.arrayContaining([
        "buildReport",
        "Tables.fromDataset",
        "Markdown.render",
        "node:loadDataset",
        "node:readCapacity",
        "Indicators.catalogue.participation.compute",
      ]),
    )
  })

  // A report from one of the package's own years takes a tenth of a second: room for many under `npm run fuzz`.
  it.each(functions)(
    "%s returns or throws an AnalyticsError in both languages, without an identity number",
    { timeout: Math.max(60_000, perFunction(functions.length) * 200) },
    async (name, f) => {
      const runs = perFunction(functions.length)
      await fc.assert(
        fc.asyncProperty(fc.array(anything, { maxLength: 4 }), async (args) => {
          try {
            await call(name, f, args)
          } catch (e) {
            typed(e)
          }
        }),
        { numRuns: runs },
      )
    },
  )
})
