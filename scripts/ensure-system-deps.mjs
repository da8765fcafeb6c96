// Makes sure the system programs the example tests need are present:
//   - a Python 3 that can import nbclient, nbformat and jupyter_client
//     (runs the Deno notebooks headlessly; Debian package python3-nbclient),
//   - Chromium (the browser test; Debian package chromium).
// Idempotent: when both are present it only checks (≈ 0.1 s). When something
// is missing and we may use apt (root, or password-less sudo), it runs
// `apt-get update` once and installs only what is missing. Otherwise it prints
// a bilingual message with the exact command to run and exits non-zero.
//
//   node scripts/ensure-system-deps.mjs              check, install if missing
//   node scripts/ensure-system-deps.mjs --check      check only, never install
//   node scripts/ensure-system-deps.mjs notebooks    only what the notebooks need
//   node scripts/ensure-system-deps.mjs browser      only what the browser test needs
//
// Environment: AKTIVITET_PYTHON (a python3 with nbclient), AKTIVITET_CHROMIUM
// (a Chromium binary) override the Debian paths.
import { spawnSync } from "node:child_process"
import { existsSync } from "node:fs"
import { pathToFileURL } from "node:url"

/** One system requirement: how to find it and which Debian packages give it. */
const requirements = {
  notebooks: {
    what: "Python 3 with nbclient (Jupyter notebook runner) / Python 3 med nbclient",
    debianPackages: ["python3-nbclient"],
    find: findPython,
  },
  browser: {
    what: "Chromium (headless browser test) / Chromium (nettlesertest)",
    debianPackages: ["chromium"],
    find: findChromium,
  },
}

// The pyenv python on PATH cannot see Debian's modules, so Debian's own
// interpreter comes first.
function findPython() {
  const candidates = [process.env.AKTIVITET_PYTHON, "/usr/bin/python3"].filter(Boolean)
  for (const python of candidates) {
    const probe = spawnSync(python, ["-c", "import nbclient, nbformat, jupyter_client"], { stdio: "ignore" })
    if (probe.status === 0) return python
  }
  return undefined
}

function findChromium() {
  const candidates = [process.env.AKTIVITET_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean)
  return candidates.find((path) => existsSync(path))
}

function canRun(command, args) {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0
}

/** How we may call apt-get here: directly as root, through `sudo -n`, or not at all. */
function aptPrefix() {
  if (!canRun("sh", ["-c", "command -v apt-get"])) return undefined
  if (process.getuid?.() === 0) return []
  if (canRun("sudo", ["-n", "true"])) return ["sudo", "-n"]
  return undefined
}

// apt's progress is noise when it works; on failure its last lines are shown.
function apt(prefix, args) {
  const [command, ...rest] = [...prefix, "apt-get", ...args]
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" }
  const run = spawnSync(command, rest, {
    stdio: ["ignore", "pipe", "pipe"],
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
  if (run.status !== 0) {
    const output = `${run.stdout ?? ""}${run.stderr ?? ""}${run.error ? `\n${run.error.message}` : ""}`
    console.error(output.trim().split("\n").slice(-30).join("\n"))
  }
  return run.status === 0
}

function explain(missing, reason) {
  const packages = missing.flatMap((name) => requirements[name].debianPackages).join(" ")
  const lines = [
    "",
    "Mangler systemprogrammer for eksempeltestene / Missing system programs for the example tests:",
    ...missing.map((name) => `  - ${requirements[name].what}`),
    "",
    `  ${reason}`,
    "",
    "Installer dem slik / Install them with:",
    `  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages}`,
    "eller pek på egne programmer / or point at your own:",
    "  AKTIVITET_PYTHON=/path/to/python3-with-nbclient AKTIVITET_CHROMIUM=/path/to/chromium",
    "",
  ]
  console.error(lines.join("\n"))
}

/**
 * Checks (and if allowed installs) what the named parts need. Returns the
 * paths found, or throws an Error whose message was already printed.
 *
 * @param {{ parts?: Array<"notebooks" | "browser">, install?: boolean, quiet?: boolean }} options
 * @returns {{ python?: string, chromium?: string }}
 */
export function ensureSystemDeps({ parts = ["notebooks", "browser"], install = true, quiet = false } = {}) {
  const log = quiet ? () => {} : (message) => console.error(message)
  let missing = parts.filter((name) => requirements[name].find() === undefined)
  if (missing.length > 0) {
    const prefix = install ? aptPrefix() : undefined
    if (prefix === undefined) {
      const reason = install
        ? "Fant ikke apt-get med root- eller sudo-tilgang / No apt-get with root or sudo access."
        : "Kjørt med --check, installerer ikke / Run with --check, not installing."
      if (!quiet) explain(missing, reason)
      throw new Error(`missing system programs: ${missing.join(", ")}`)
    }
    const packages = missing.flatMap((name) => requirements[name].debianPackages)
    log(`Installerer / Installing: ${packages.join(" ")} (apt-get, under et minutt / under a minute, once)`)
    const started = Date.now()
    const installed =
      apt(prefix, ["-o", "DPkg::Lock::Timeout=120", "update", "-qq"]) &&
      apt(prefix, ["-o", "DPkg::Lock::Timeout=120", "install", "-y", "-qq", "--no-install-recommends", ...packages])
    if (installed) log(`Installert / Installed in ${Math.round((Date.now() - started) / 1000)} s`)
    missing = parts.filter((name) => requirements[name].find() === undefined)
    if (missing.length > 0) {
      if (!quiet)
        explain(
          missing,
          installed
            ? "apt-get lyktes, men programmene mangler fortsatt / apt-get succeeded but the programs are still missing."
            : "apt-get feilet (se over) / apt-get failed (see above).",
        )
      throw new Error(`missing system programs: ${missing.join(", ")}`)
    }
  }
  const found = {}
  if (parts.includes("notebooks")) found.python = requirements.notebooks.find()
  if (parts.includes("browser")) found.chromium = requirements.browser.find()
  return found
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2)
  const parts = args.filter((a) => a in requirements)
  try {
    const found = ensureSystemDeps({ parts: parts.length > 0 ? parts : undefined, install: !args.includes("--check") })
    for (const [name, path] of Object.entries(found)) console.log(`${name}: ${path}`)
  } catch {
    process.exit(1)
  }
}
