// Builds the page with Vite, checks the gzipped bundle against its budget,
// serves the build on 127.0.0.1 and drives it in headless Chromium
// (playwright-core with Debian's /usr/bin/chromium; never a downloaded browser).
//
//   node test/browser.mjs            build, check size, test in Chromium
//   node test/browser.mjs --record   also write the measured size to bundle-size.json
//
// Needs the packages built first (`npm run build` at the repository root).
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { createServer } from "node:http"
import { dirname, extname, join, relative, resolve, sep } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { gzipSync } from "node:zlib"

const webRoot = resolve(fileURLToPath(new URL("..", import.meta.url)))
const distDir = join(webRoot, "dist")
const sizeFile = join(webRoot, "bundle-size.json")

// Without the background-networking flags Chromium keeps trying the closed
// network; --no-sandbox because tests run as root in CI.
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)],
  )

/** Gzipped size (level 9, as a server would send it) of every file the page loads. */
export function measureBundle(dir = distDir) {
  const assets = files(dir)
    .filter((f) => /\.(js|css|html)$/.test(f))
    .map((f) => ({
      file: relative(dir, f).split(sep).join("/"),
      bytes: statSync(f).size,
      gzipBytes: gzipSync(readFileSync(f), { level: 9 }).length,
    }))
  const total = (key) => assets.reduce((sum, a) => sum + a[key], 0)
  return { bytes: total("bytes"), gzipBytes: total("gzipBytes"), assets }
}

const mime = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
}

function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)
    const file = resolve(dir, `.${path.endsWith("/") ? `${path}index.html` : path}`)
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("not found")
      return
    }
    res.writeHead(200, { "content-type": mime[extname(file)] ?? "application/octet-stream" })
    createReadStream(file).pipe(res)
  })
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)))
}

/**
 * Runs the web example's checks and returns them as `{ name, ok, detail }`.
 * @param {{ chromium?: string, build?: boolean, record?: boolean, screenshot?: string, log?: (m: string) => void }} options
 */
export async function runBrowserTest(options = {}) {
  const {
    chromium = process.env.AKTIVITET_CHROMIUM ?? "/usr/bin/chromium",
    build = true,
    record = false,
    log = () => {},
  } = options
  const checks = []
  const check = (name, ok, detail = "") => {
    checks.push({ name: `web: ${name}`, ok: Boolean(ok), detail })
    return Boolean(ok)
  }
  const attempt = async (name, fn) => {
    try {
      await fn()
    } catch (error) {
      check(name, false, String(error?.stack ?? error))
    }
  }

  if (build) {
    const started = performance.now()
    let built = false
    await attempt("vite build", async () => {
      const vite = await import("vite")
      await vite.build({ root: webRoot, logLevel: "warn", configFile: join(webRoot, "vite.config.ts") })
      built = check("vite build", existsSync(join(distDir, "index.html")))
    })
    log(`vite build: ${((performance.now() - started) / 1000).toFixed(1)} s`)
    if (!built) return checks
  }

  const recorded = JSON.parse(readFileSync(sizeFile, "utf8"))
  const measured = measureBundle()
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`
  check(
    "gzipped bundle within budget",
    measured.gzipBytes <= recorded.budget.gzipBytes,
    `${kb(measured.gzipBytes)} gzipped (${kb(measured.bytes)} raw); budget ${kb(recorded.budget.gzipBytes)}; recorded ${kb(recorded.recorded.gzipBytes)}`,
  )
  log(
    `bundle: ${kb(measured.gzipBytes)} gzipped, budget ${kb(recorded.budget.gzipBytes)}, recorded ${kb(recorded.recorded.gzipBytes)}`,
  )
  if (record) {
    recorded.recorded = {
      gzipBytes: measured.gzipBytes,
      bytes: measured.bytes,
      date: new Date().toISOString().slice(0, 10),
      assets: measured.assets.map(({ file, gzipBytes }) => ({ file: file.replace(/-[\w-]{8}\./, "."), gzipBytes })),
    }
    writeFileSync(sizeFile, `${JSON.stringify(recorded, null, 2)}\n`)
    log(`recorded in ${relative(process.cwd(), sizeFile)}`)
  }

  const { chromium: launcher } = await import("playwright-core")
  const server = await serve(distDir)
  const url = `http://127.0.0.1:${server.address().port}/`
  let browser
  try {
    browser = await launcher.launch({ executablePath: chromium, args: chromiumArgs, headless: true, timeout: 60_000 })
    const page = await browser.newPage({ viewport: { width: 1100, height: 1100 }, locale: "nb-NO" })
    const problems = []
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`))
    page.on("console", (m) => m.type() === "error" && problems.push(`console.error: ${m.text()}`))
    page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`))

    await page.goto(url, { waitUntil: "load" })
    await attempt("page renders the form", async () => {
      await page.waitForSelector("body[data-ready]", { timeout: 15_000 })
      const profiles = await page.locator("[data-testid=profile] option").count()
      const offerings = await page.locator("[data-testid=offering] option").count()
      check("page renders the form", profiles >= 5 && offerings === 31, `${profiles} profiles, ${offerings} offerings`)
    })

    await attempt("offering card shows the catalogue's facts", async () => {
      await page.selectOption("[data-testid=offering]", "individuell-trening-mudo")
      await page.waitForSelector("body[data-ready*='individuell-trening-mudo']")
      const card = page.locator("[data-testid=offering-card]")
      const field = (name) => card.locator(`[data-field=${name}]`).innerText()
      const facts = {
        category: await field("category"),
        access: await field("access"),
        limits: await field("limits"),
        price: await field("price"),
      }
      check(
        "offering card shows the catalogue's facts",
        facts.category === "Fysisk aktivitet som behandling" &&
          facts.access === "Henvisning fra behandler" &&
          facts.limits.includes("4 uker") &&
          facts.price === "Gratis",
        JSON.stringify(facts),
      )
    })

    // Each case: the question, the outcome the shipped policy gives, and
    // words the Norwegian explanation must contain.
    const cases = [
      [
        "psykisk-helse-henvist",
        "individuell-trening-mudo",
        "2024-03-01",
        "eligible",
        "Kan delta",
        "✓ Henvendelse fra behandler (ja)",
      ],
      [
        "rus-ikke-henvist",
        "individuell-trening-mudo",
        "2024-03-01",
        "not-eligible",
        "Kan ikke delta",
        "✗ Henvendelse fra behandler",
      ],
      ["ungdom", "sandneshallen", "2024-03-01", "not-eligible", "Kan ikke delta", "Bare voksne"],
      [
        "ny-soknad-aktivitetskontakt",
        "aktivitetskontakt",
        "2024-03-01",
        "granted-as",
        "Innvilges som Recoveryhjelpa",
        "Aktivitetskontakt",
      ],
      ["psykisk-helse-henvist", "fk-angst", "2023-04-01", "eligible", "Kan delta", "overgangsperiode"],
      ["psykisk-helse-henvist", "fk-angst", "2024-03-01", "not-eligible", "Kan ikke delta", "overgangsperiode"],
    ]
    for (const [profile, offering, date, outcome, verdictText, explained] of cases) {
      const name = `decision: ${profile} + ${offering} on ${date} → ${outcome}`
      await attempt(name, async () => {
        await page.selectOption("[data-testid=profile]", profile)
        await page.selectOption("[data-testid=offering]", offering)
        await page.fill("[data-testid=date]", date)
        await page.waitForSelector(`body[data-ready='${profile}|${offering}|${date}']`, { timeout: 15_000 })
        const verdict = page.locator("[data-testid=verdict]")
        const shown = { outcome: await verdict.getAttribute("data-outcome"), verdict: await verdict.innerText() }
        const explanation = await page.locator("[data-testid=explanation]").innerText()
        check(
          name,
          shown.outcome === outcome &&
            shown.verdict.includes(verdictText) &&
            explanation.toLowerCase().includes(explained.toLowerCase()),
          `${shown.outcome}: ${shown.verdict}; ${explanation.split("\n").slice(0, 3).join(" | ")}`,
        )
      })
    }
    await page.selectOption("[data-testid=profile]", "psykisk-helse-henvist")
    await page.selectOption("[data-testid=offering]", "individuell-trening-mudo")
    await page.fill("[data-testid=date]", "2024-03-01")

    await attempt("synthetic year's key indicators", async () => {
      await page.waitForSelector("[data-testid=year][aria-busy=false]", { timeout: 30_000 })
      const tiles = await page.locator("[data-testid=tiles] .tile").allInnerTexts()
      const rows = await page.locator("[data-testid=year-table] tbody tr").allInnerTexts()
      check(
        "synthetic year's key indicators",
        tiles.length >= 5 && tiles.every((t) => /\d/.test(t)) && rows.length === 4 && rows.every((r) => /\d/.test(r)),
        `${tiles.map((t) => t.replaceAll("\n", " ")).join(" / ")} || ${rows.join(" / ")}`,
      )
    })

    await attempt("completion is not applicable to the departments' own groups, never 0 %", async () => {
      const rows = await page.locator("[data-testid=year-table] tbody tr").allInnerTexts()
      const own = rows.find((r) => r.startsWith("Egne grupper")) ?? ""
      const heading = await page.locator("[data-testid=year-table] thead").innerText()
      // The third column is completion; transition (the fourth) applies to every offering.
      const completion = own.split("\t")[3]
      check(
        "completion is not applicable to the departments' own groups, never 0 %",
        completion === "ikke relevant" &&
          heading.split("\t")[3] === "Andel fullført" &&
          heading.includes("Deltakere (møtt minst én gang)"),
        `${own.replaceAll("\t", " | ")} || ${heading.replaceAll("\t", " | ")}`,
      )
    })

    await attempt("the page states its data source, time, versions and policy hash", async () => {
      const text = await page.locator("[data-testid=provenance]").innerText()
      check(
        "the page states its data source, time, versions and policy hash",
        text.includes("Syntetiske data") &&
          text.includes("Datakilde: Syntetiske data (frø 1") &&
          /Generert: \d+\. \w+ \d{4} kl\. \d\d:\d\d/u.test(text) &&
          /Programvare: @aktivitetsmodell\/analytics \d+\.\d+\.\d+, @aktivitetsmodell\/core \d+\.\d+\.\d+, @aktivitetsmodell\/rules \d+\.\d+\.\d+/u.test(
            text,
          ) &&
          /Regelverk \(SHA-256\): [0-9a-f]{8}(?::[0-9a-f]{8}){7}/u.test(text),
        text,
      )
    })

    await attempt("an eligibility check is headed Vurdering, not Vedtak", async () => {
      const heading = await page.locator("[data-testid=decision] h3").first().innerText()
      check(
        "an eligibility check is headed Vurdering, not Vedtak",
        heading.startsWith("Vurdering ") && !/vedtak/iu.test(heading),
        heading,
      )
    })

    const screenshot = options.screenshot ?? join(webRoot, "out", "page.png")
    mkdirSync(dirname(screenshot), { recursive: true })
    await page.screenshot({ path: screenshot, fullPage: true })
    log(`screenshot: ${screenshot}`)
    check("no page errors, console errors or failed requests", problems.length === 0, problems.join("\n"))
  } catch (error) {
    check("headless Chromium", false, String(error?.stack ?? error))
  } finally {
    await browser?.close()
    server.close()
  }
  return checks
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const checks = await runBrowserTest({ record: process.argv.includes("--record"), log: (m) => console.log(m) })
  for (const c of checks)
    console.log(
      `${c.ok ? "✓" : "✗"} ${c.name}${c.detail && !c.ok ? `\n    ${c.detail.replaceAll("\n", "\n    ")}` : c.detail ? `  (${c.detail})` : ""}`,
    )
  const failed = checks.filter((c) => !c.ok).length
  console.log(`${checks.length - failed} passed, ${failed} failed`)
  process.exit(failed === 0 ? 0 : 1)
}
