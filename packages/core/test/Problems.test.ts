import * as Result from "effect/Result"
import * as Schema from "effect/Schema"
import { describe, expect, it } from "vitest"
import catalogueJson from "../catalogue/offerings.json" with { type: "json" }
import { Batch, Catalogue, Crosswalk, KprCheck, Problems, Referral } from "../src/index.js"
import { tinyYear } from "./fixtures.js"

const id = "01019012345" // a made-up number of the national identity number's shape

describe("Problems", () => {
  it("turns a schema issue into problems with code, pointer, path and both languages", () => {
    const r = Schema.decodeUnknownResult(Referral.Referral)({ id: "r-1" }, { errors: "all" })
    expect(Result.isFailure(r)).toBe(true)
    if (Result.isFailure(r)) {
      const problems = Problems.of(r.failure.issue)
      expect(problems.length).toBeGreaterThan(0)
      for (const p of problems) {
        expect(p.code).toBe(Problems.schemaCode)
        expect(p.pointer).toBe(Problems.jsonPointer(p.path))
        expect(p.message.nb).not.toBe("")
      }
      expect(problems.map((p) => p.pointer)).toContain("/citizenId")
    }
  })

  it("formats file, line, message and pointer in one language or both", () => {
    const p: Problems.Problem = {
      code: "x",
      pointer: "/offerings/3",
      file: "catalogue.json",
      line: 7,
      message: { en: "Wrong", nb: "Feil" },
    }
    expect(Problems.format(p, "en")).toBe("catalogue.json:7: Wrong (at /offerings/3)")
    expect(Problems.format(p, "nb")).toBe("catalogue.json:7: Feil (i /offerings/3)")
    expect(Problems.format(p)).toBe("catalogue.json:7: Wrong / Feil (at /offerings/3)")
    expect(Problems.format({ code: "x", pointer: "", line: 3, message: p.message }, "nb")).toBe("linje 3: Feil")
    expect(Problems.formatPath(undefined)).toBe("")
    expect(Problems.jsonPointer(undefined)).toBe("")
  })

  it("redacts every text of a problem and keeps a package's own fields", () => {
    const p = {
      code: "shape",
      pointer: `/${id}`,
      path: [id, 2],
      file: `${id}.json`,
      message: { en: `bad ${id}`, nb: `feil ${id}` },
      severity: "error",
    }
    const r = Problems.redacted(p)
    expect(JSON.stringify(r)).not.toContain(id)
    expect(r.path[1]).toBe(2)
    expect(r.severity).toBe("error")
  })

  it("is carried by one error class, redacted, whatever it is given", () => {
    const e = new Problems.ProblemsError([{ code: "x", pointer: "", message: { en: `no ${id}`, nb: `nei ${id}` } }])
    expect(e).toBeInstanceOf(Error)
    expect(e.problems).toHaveLength(1)
    expect(e.message).not.toContain(id)
    expect(e.en).toBe("1 problem(s)")
    expect(new Problems.ProblemsError(null as never).problems).toEqual([])
  })

  it("is what core's loaders and checks report", () => {
    const copy = structuredClone(catalogueJson) as { offerings: Array<{ operator: { department: string } }> }
    copy.offerings[0]!.operator.department = "nowhere"
    const e = (() => {
      try {
        Catalogue.decodeOrThrow(copy)
      } catch (err) {
        return err
      }
    })()
    expect(e).toBeInstanceOf(Problems.ProblemsError)
    expect(e).toBeInstanceOf(Catalogue.CatalogueError)
    const problem = (e as Catalogue.CatalogueError).problems[0]!
    expect(problem).toMatchObject({ code: "unknown-department", pointer: "/offerings/0/operator/department" })
    expect(() => Crosswalk.decode({})).toThrow(Problems.ProblemsError)

    const batch = Batch.decode(Referral.Referral, [{ id: "r-1" }])
    const rejected: ReadonlyArray<Problems.Problem> = batch.rejected[0]!.problems
    expect(rejected.length).toBeGreaterThan(0)
    expect(rejected.every((p) => p.code === Problems.schemaCode)).toBe(true)

    const data = tinyYear()
    const reportable = [...Crosswalk.reportable(Crosswalk.sandnes()).keys()][0]!
    const enrollments = data.enrollments.map((n) => ({ ...n, offeringId: reportable }))
    const kpr: ReadonlyArray<KprCheck.Problem> = KprCheck.check({ ...data, citizens: [], enrollments } as never)
    expect(kpr.length).toBeGreaterThan(0)
    for (const p of kpr) expect(p.pointer).toBe(Problems.jsonPointer(p.path))
  })
})
