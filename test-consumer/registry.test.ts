// The three packages as an app developer gets them: packed, linted (publint
// --strict, arethetypeswrong under node16 and bundler), published to a local
// npm registry (verdaccio, in this process, on a free loopback port, storage
// in a temporary folder, no uplinks), installed into a fresh app outside the
// workspace, and used from ESM, CommonJS and type-checked TypeScript.
//
// Only `@aktivitetsmodell/*` comes from the local registry (a scoped
// registry line in the app's .npmrc); effect, arquero and the rest come from
// the default registry, as for any app. Nothing is linked from the workspace.
import { spawn } from "node:child_process"
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import type { Server } from "node:http"
import { createRequire } from "node:module"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { unexpected } from "./diagnostics.mjs"

const root = fileURLToPath(new URL("..", import.meta.url))
const bin = (path: string) => join(root, "node_modules", path)
const packages = ["core", "rules", "analytics"] as const

// npm run by `npm test` passes its own settings down as npm_config_* (the
// workspace's prefix among them); the npm processes here must see only their
// folder's .npmrc and the user's, like a developer's shell.
const cleanEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(npm_|INIT_CWD$|NODE_OPTIONS$)/iu.test(k)) env[k] = v
  }
  return { ...env, NO_UPDATE_NOTIFIER: "1" }
}

interface Run {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

// Asynchronous on purpose: the registry answers from this process's event loop.
const run = (command: string, args: ReadonlyArray<string>, cwd: string): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: cleanEnv() })
    let stdout = ""
    let stderr = ""
    child.stdout.on("data", (c) => (stdout += c))
    child.stderr.on("data", (c) => (stderr += c))
    child.on("error", reject)
    child.on("close", (status) => resolve({ status, stdout, stderr }))
  })

const ok = async (command: string, args: ReadonlyArray<string>, cwd: string): Promise<Run> => {
  const r = await run(command, args, cwd)
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${r.status}\n${r.stdout}\n${r.stderr}`)
  return r
}

interface Packed {
  readonly name: string
  readonly filename: string
  readonly files: ReadonlyArray<{ readonly path: string }>
}

let dir: string
let server: Server | undefined
let registry: string
let packed: ReadonlyArray<Packed>
const app = () => join(dir, "app")
const tarball = (name: string) => join(dir, "packs", packed.find((p) => p.name === name)!.filename)
const timings: Record<string, number> = {}
const timed = async <A>(name: string, f: () => Promise<A>): Promise<A> => {
  const t0 = Date.now()
  try {
    return await f()
  } finally {
    timings[name] = Date.now() - t0
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "aktivitetsmodell-registry-"))

  // 1. Pack the built packages, as `npm publish` would.
  mkdirSync(join(dir, "packs"))
  const pack = await timed("pack", () =>
    ok(
      "npm",
      [
        "pack",
        ...packages.flatMap((p) => ["-w", `@aktivitetsmodell/${p}`]),
        "--pack-destination",
        join(dir, "packs"),
        "--json",
      ],
      root,
    ),
  )
  packed = JSON.parse(pack.stdout)

  // 2. A registry of our own: no uplinks, so it serves only what is published to it.
  writeFileSync(
    join(dir, "verdaccio.yaml"),
    [
      `storage: ${JSON.stringify(join(dir, "storage"))}`,
      "auth:",
      "  htpasswd:",
      `    file: ${JSON.stringify(join(dir, "htpasswd"))}`,
      "    max_users: 1",
      "uplinks: {}",
      "packages:",
      "  '**':",
      "    access: $all",
      "    publish: $authenticated",
      "web:",
      "  enable: false",
      "log: { type: stdout, format: pretty, level: error }",
      "",
    ].join("\n"),
  )
  const { runServer } = createRequire(import.meta.url)("verdaccio") as {
    runServer: (config: string) => Promise<Server>
  }
  server = await runServer(join(dir, "verdaccio.yaml"))
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve))
  const port = (server.address() as AddressInfo).port
  registry = `http://127.0.0.1:${port}/`

  // 3. A throwaway user and token, written only to the publisher's .npmrc.
  const user = await fetch(`${registry}-/user/org.couchdb.user:ci`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name: "ci", password: `throwaway-${process.pid}-${Date.now()}` }),
  })
  const { token } = (await user.json()) as { token: string }
  mkdirSync(join(dir, "publisher"))
  writeFileSync(join(dir, "publisher", "package.json"), "{}\n")
  writeFileSync(join(dir, "publisher", ".npmrc"), `//127.0.0.1:${port}/:_authToken=${token}\n`)
  await timed("publish", async () => {
    for (const p of packages) {
      await ok(
        "npm",
        ["publish", tarball(`@aktivitetsmodell/${p}`), "--registry", registry, "--access", "public", "--no-provenance"],
        join(dir, "publisher"),
      )
    }
  })

  // 4. A fresh app outside the workspace: ours from the local registry, the rest from the default one.
  cpSync(fileURLToPath(new URL("./app/", import.meta.url)), app(), { recursive: true })
  writeFileSync(join(app(), ".npmrc"), `@aktivitetsmodell:registry=${registry}\n`)
  await timed("install", () =>
    ok(
      "npm",
      // --prefer-online: a packument cached from an earlier run on the same port must not stand in for this one.
      ["install", "--no-audit", "--no-fund", "--prefer-online", ...packages.map((p) => `@aktivitetsmodell/${p}@0.1.0`)],
      app(),
    ),
  )
}, 600_000)

afterAll(async () => {
  if (server) await new Promise((resolve) => server!.close(resolve))
  if (dir) rmSync(dir, { recursive: true, force: true })
  console.log(`registry test timings (ms): ${JSON.stringify(timings)}`)
})

describe("the packed packages", () => {
  it("every tarball ships README.md, LICENSE, package.json and its built entries", () => {
    expect(packed.map((p) => p.name).sort()).toEqual(packages.map((p) => `@aktivitetsmodell/${p}`).sort())
    for (const p of packed) {
      const files = p.files.map((f) => f.path)
      expect(files, p.name).toEqual(
        expect.arrayContaining([
          "README.md",
          "LICENSE",
          "package.json",
          "dist/index.js",
          "dist/index.cjs",
          "dist/index.d.ts",
          "dist/index.d.cts",
        ]),
      )
    }
  })

  for (const p of packages) {
    it(`publint --strict finds nothing in @aktivitetsmodell/${p}`, async () => {
      const r = await run(
        process.execPath,
        [bin("publint/src/cli.js"), tarball(`@aktivitetsmodell/${p}`), "--strict"],
        dir,
      )
      expect(r.status, r.stdout + r.stderr).toBe(0)
      expect(r.stdout).toContain("All good!")
    })

    it(`arethetypeswrong finds nothing in @aktivitetsmodell/${p} under node16 (CJS and ESM) and bundler`, async () => {
      // The packed tarball is what `attw --pack` would make; the node16
      // profile checks node16-cjs, node16-esm and bundler (node10 cannot
      // read subpath exports, and the packages need Node 20.19 anyway).
      const r = await run(
        process.execPath,
        [
          bin("@arethetypeswrong/cli/dist/index.js"),
          tarball(`@aktivitetsmodell/${p}`),
          "--profile",
          "node16",
          "--format",
          "json",
        ],
        dir,
      )
      expect(r.status, r.stdout + r.stderr).toBe(0)
      const report = JSON.parse(r.stdout) as {
        analysis: { entrypoints: Record<string, unknown> }
        problems?: Record<string, Array<{ resolutionKind?: string }>>
      }
      const problems = Object.values(report.problems ?? {})
        .flat()
        .filter((problem) => problem.resolutionKind !== "node10")
      expect(problems).toEqual([])
      expect(Object.keys(report.analysis.entrypoints)).toEqual(expect.arrayContaining([".", "./node"]))
    })
  }
})

describe("an app that installs the packages from a registry", () => {
  it("installs real copies from the registry, with every dependency resolved", async () => {
    for (const p of packages) {
      const installed = join(app(), "node_modules", "@aktivitetsmodell", p)
      expect(lstatSync(installed).isSymbolicLink(), `${p} must not be a link into the workspace`).toBe(false)
      expect(JSON.parse(readFileSync(join(installed, "package.json"), "utf8")).version).toBe("0.1.0")
      expect(existsSync(join(installed, "dist", "index.cjs"))).toBe(true)
    }
    const view = JSON.parse(
      (await ok("npm", ["view", "@aktivitetsmodell/analytics@0.1.0", "dist.tarball", "--json"], app())).stdout,
    )
    expect(view).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//u)
    // npm ls fails on a missing, invalid or extraneous package.
    const ls = await run("npm", ["ls", "--all", "--json"], app())
    expect(ls.status, ls.stdout + ls.stderr).toBe(0)
    // analytics pins flechette below 2.7, whose dependency the registry lacks.
    const flechette = JSON.parse(
      readFileSync(join(app(), "node_modules", "@uwdata", "flechette", "package.json"), "utf8"),
    )
    expect(flechette.version).toMatch(/^2\.6\./u)
  })

  // What the consumer apps print: a decision with its explanation and an indicator's total row.
  interface AppOutput {
    readonly decision: { readonly eligibility: string; readonly explanation: string }
    readonly indicator: {
      readonly rows: number
      readonly total: {
        readonly offering: string
        readonly booked: number
        readonly present: number
        readonly rate: number
      }
    }
    readonly csv: Record<string, unknown>
    readonly catalogueOfferings: number
  }

  const expectRealWork = (out: AppOutput) => {
    expect(out.decision.eligibility).toBe("not-eligible")
    expect(out.decision.explanation).toContain("Deltagelse: Kan ikke delta")
    expect(out.decision.explanation).toContain("Karate har inntak")
    const total = out.indicator.total
    expect(out.indicator.rows).toBeGreaterThan(1)
    expect(total.offering).toBe("(total)")
    expect(total.booked).toBeGreaterThan(0)
    expect(total.rate).toBeCloseTo(total.present / total.booked, 12)
  }

  let esmOut: AppOutput
  it("an ES module reads a CSV export with errors in Norwegian, decides with an explanation and computes an indicator", async () => {
    const r = await ok(process.execPath, ["esm.mjs"], app())
    esmOut = JSON.parse(r.stdout)
    expect(esmOut.csv).toEqual({
      valid: 1,
      rejected: 1,
      report: "post 2 (linje 3), felt birthYear: Forventet et tall skrevet som tekst",
    })
    expect(esmOut.catalogueOfferings).toBe(31)
    expectRealWork(esmOut)
  })

  it("a CommonJS script does the same with require(), the shipped policy and the JSON files included", async () => {
    const r = await ok(process.execPath, ["cjs.cjs"], app())
    const out = JSON.parse(r.stdout)
    expect(out.records.valid).toBe(1)
    expect(out.records.rejected).toBe(1)
    expect(out.records.report).toMatch(/^post 2, felt birthYear: Forventet/u)
    expect(out.catalogueOfferings).toBe(31)
    expect(out.citizenSchemaFields).toEqual(expect.arrayContaining(["birthYear", "id", "pathway"]))
    expectRealWork(out)
    // Same seed, same year: CommonJS and ESM builds compute the same numbers.
    expect(out.indicator).toEqual(esmOut.indicator)
    expect(out.decision).toEqual(esmOut.decision)
  })

  it("a TypeScript file type-checks (nodenext, skipLibCheck false), compiles and runs", async () => {
    const tsc = await run(
      process.execPath,
      [bin("typescript/bin/tsc"), "-p", "tsconfig.json", "--pretty", "false"],
      app(),
    )
    expect(unexpected(tsc.stdout + tsc.stderr)).toEqual([])
    const r = await ok(process.execPath, [join("build", "app.js")], app())
    const out = JSON.parse(r.stdout)
    expect(out.csv).toEqual({ ...esmOut.csv, problems: 1 })
    expect(out.violations).toEqual([])
    expectRealWork(out)
    expect(out.indicator).toEqual(esmOut.indicator)
  })
})
