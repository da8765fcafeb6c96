// Paths that are not what they seem: missing, a file for a folder and the
// reverse, symbolic link loops, links out of the tree, FIFOs, sockets and
// devices, and files over the size cap. The command line reports each in one
// line in both languages with exit code 2 (1 for an oversized file), never
// opens a FIFO, and never reads through a link that leaves the tree.
import { spawnSync } from "node:child_process"
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from "node:fs"
import { createServer, type Server } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { maxJsonBytes } from "../../src/cli/io.js"
import { run } from "../../src/cli/main.js"
import { loadTree, loadTreeOrThrow, maxFileBytes, PolicyError, readTreeFiles } from "../../src/node/index.js"
import { fixtureDir } from "../helpers.js"

const posix = process.platform !== "win32"

const cli = async (argv: Array<string>, cwd: string) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const code = await run(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdin: () => "", cwd })
  return { code, out, err }
}

/** A fresh folder holding a copy of the shipped policy in `policy/`. */
const workspace = () => {
  const root = mkdtempSync(join(tmpdir(), "aktivitet-rules-fs-"))
  cpSync(fixtureDir, join(root, "policy"), { recursive: true })
  return root
}

const fifo = (path: string) => {
  const r = spawnSync("mkfifo", [path])
  if (r.status !== 0) throw new Error("mkfifo failed")
}

const servers: Array<Server> = []
afterAll(() => {
  for (const s of servers) s.close()
})

describe("a path given on the command line", () => {
  it("that does not exist is one line, exit 2", async () => {
    const root = workspace()
    expect(await cli(["check", "nope"], root)).toEqual({
      code: 2,
      out: [],
      err: ["nope: No such file or folder / Finnes ikke"],
    })
    expect(await cli(["evaluate", "--date", "2024-03-01", "nope.json", "--lang", "nb"], root)).toEqual({
      code: 2,
      out: [],
      err: ["nope.json: Finnes ikke"],
    })
    expect((await cli(["evaluate", "--date", "2024-03-01", "--policy", "nope", "x.json"], root)).err).toEqual([
      "nope: No such file or folder / Finnes ikke",
    ])
    expect((await cli(["impact", "--base", "policy", "--head", "nope", "--data", "synthetic"], root)).err).toEqual([
      "nope: No such file or folder / Finnes ikke",
    ])
  })

  it("that is a file where a folder is expected, or a folder where a file is, is one line, exit 2", async () => {
    const root = workspace()
    expect(await cli(["check", "policy/eligibility/adults-only.json"], root)).toEqual({
      code: 2,
      out: [],
      err: [
        "policy/eligibility/adults-only.json: A file, where a folder is expected / En fil, der det skal være en mappe",
      ],
    })
    expect(await cli(["evaluate", "--date", "2024-03-01", "policy", "--lang", "en"], root)).toEqual({
      code: 2,
      out: [],
      err: ["policy: A folder, where a file is expected"],
    })
  })

  it.skipIf(!posix)("that is a symbolic link loop is one line, exit 2", async () => {
    const root = workspace()
    symlinkSync("b", join(root, "a"))
    symlinkSync("a", join(root, "b"))
    expect(await cli(["check", "a", "--lang", "en"], root)).toEqual({
      code: 2,
      out: [],
      err: ["a: A symbolic link loop: the link leads back to itself"],
    })
    expect((await cli(["evaluate", "--date", "2024-03-01", "b", "--lang", "en"], root)).err).toEqual([
      "b: A symbolic link loop: the link leads back to itself",
    ])
  })

  it.skipIf(!posix)("that is a FIFO is refused without opening it, exit 2", async () => {
    const root = workspace()
    fifo(join(root, "pipe"))
    // Opening a FIFO for reading blocks until a writer comes: reaching the
    // assertions at all shows it was not opened.
    expect(await cli(["check", "pipe", "--lang", "en"], root)).toEqual({
      code: 2,
      out: [],
      err: ["pipe: A FIFO (named pipe), not a file; it is not opened"],
    })
    expect(await cli(["evaluate", "--date", "2024-03-01", "pipe", "--lang", "en"], root)).toEqual({
      code: 2,
      out: [],
      err: ["pipe: A FIFO (named pipe), not a file; it is not opened"],
    })
    expect((await cli(["evaluate", "--date", "2024-03-01", "--jsonl", "pipe", "--lang", "en"], root)).code).toBe(2)
    expect(
      (await cli(["impact", "--base", "policy", "--head", "policy", "--data", "pipe", "--lang", "en"], root)).err,
    ).toEqual(["pipe: A FIFO (named pipe), not a file; it is not opened"])
  })

  it("given to impact as data is refused only after both trees load, as if it were read then", async () => {
    const root = workspace()
    mkdirSync(join(root, "folder"))
    const impact = (base: string, data: string) =>
      cli(["impact", "--base", base, "--head", "policy", "--data", data, "--lang", "en"], root)
    expect(await impact("policy", "folder")).toEqual({
      code: 2,
      out: [],
      err: ["folder: A folder, where a file is expected"],
    })
    expect(await impact("policy", "nope.json")).toEqual({
      code: 2,
      out: [],
      err: ["nope.json: No such file or folder"],
    })
    // A base that is no folder is named first; the data file is not looked at.
    for (const data of ["folder", "nope.json"])
      expect(await impact("nope", data)).toEqual({ code: 2, out: [], err: ["nope: No such file or folder"] })
  })

  it.skipIf(!posix)("that is a device or a socket is refused, exit 2", async () => {
    const root = workspace()
    expect(await cli(["evaluate", "--date", "2024-03-01", "/dev/null", "--lang", "en"], root)).toEqual({
      code: 2,
      out: [],
      err: ["/dev/null: A device, not a file; it is not opened"],
    })
    const socket = join(root, "socket")
    const server = createServer()
    servers.push(server)
    await new Promise<void>((done) => server.listen(socket, done))
    expect(await cli(["check", "socket", "--lang", "en"], root)).toEqual({
      code: 2,
      out: [],
      err: ["socket: A socket, not a file; it is not opened"],
    })
  })
})

describe.skipIf(!posix)("an entry inside the policy tree", () => {
  it("that is a FIFO is reported and never opened, exit 2", async () => {
    const root = workspace()
    fifo(join(root, "policy/eligibility/pipe.json"))
    const r = await cli(["check", "policy", "--lang", "en"], root)
    expect(r.code).toBe(2)
    expect(r.err).toEqual([
      "policy/eligibility/pipe.json: A FIFO (named pipe) has no place in a policy tree; it is not opened",
    ])
  })

  it("that is a symbolic link out of the tree is reported and not read", async () => {
    const root = workspace()
    const outside = join(root, "secret.json")
    writeFileSync(outside, '{ "secret": "do-not-read-me" }')
    symlinkSync(outside, join(root, "policy/eligibility/secret.json"))
    symlinkSync(root, join(root, "policy/parameters/everything"))
    const r = await cli(["check", "policy", "--lang", "en"], root)
    expect(r.code).toBe(2)
    expect(r.err).toEqual([
      "policy/eligibility/secret.json: A symbolic link that points outside the tree; it is not followed",
      "policy/parameters/everything: A symbolic link that points outside the tree; it is not followed",
    ])
    const { problems } = loadTree(join(root, "policy"))
    expect(JSON.stringify(problems)).not.toContain("do-not-read-me")
    expect(problems.filter((p) => p.code === "outside-tree").map((p) => p.file)).toEqual([
      "eligibility/secret.json",
      "parameters/everything",
    ])
  })

  it("that is a symbolic link loop, or a link to a folder it lies in, is reported, exit 2", async () => {
    const root = workspace()
    symlinkSync("loop-b", join(root, "policy/loop-a"))
    symlinkSync("loop-a", join(root, "policy/loop-b"))
    symlinkSync("..", join(root, "policy/duration/up"))
    const r = await cli(["check", "policy", "--lang", "nb"], root)
    expect(r.code).toBe(2)
    expect(r.err).toEqual([
      "policy/duration/up: En symbolsk lenke til en mappe den selv ligger i (en løkke); den følges ikke",
      "policy/loop-a: En løkke av symbolske lenker: lenken peker tilbake til seg selv",
      "policy/loop-b: En løkke av symbolske lenker: lenken peker tilbake til seg selv",
    ])
  })

  it("that is a symbolic link within the tree is followed, and a second way to a folder is not walked twice", async () => {
    const root = workspace()
    mkdirSync(join(root, "policy/shared"))
    cpSync(join(root, "policy/eligibility/adults-only.json"), join(root, "policy/shared/adults.json"))
    symlinkSync("../shared/adults.json", join(root, "policy/eligibility/adults-again.json"))
    symlinkSync("../eligibility", join(root, "policy/duration/eligibility-alias"))
    const { tree, problems } = loadTree(join(root, "policy"))
    expect(tree.rules.map((r) => r.id)).toContain("eligibility/adults-again")
    expect(problems.filter((p) => p.file.includes("alias")).map((p) => [p.file, p.severity, p.code])).toEqual([
      ["duration/eligibility-alias", "warning", "duplicate"],
    ])
  })

  it("that is a dangling symbolic link is reported as missing", () => {
    const root = workspace()
    symlinkSync("gone.json", join(root, "policy/eligibility/dangling.json"))
    const { problems } = loadTree(join(root, "policy"))
    expect(problems.filter((p) => p.file === "eligibility/dangling.json").map((p) => [p.code, p.message.en])).toEqual([
      ["missing", "A symbolic link to nothing: its target does not exist"],
    ])
  })
})

describe("size caps", () => {
  it("a whole JSON input over its cap is refused unread, exit 2, and JSON Lines is suggested", async () => {
    const root = workspace()
    const big = join(root, "big.json")
    writeFileSync(big, "")
    truncateSync(big, maxJsonBytes + 1)
    const r = await cli(["evaluate", "--date", "2024-03-01", "big.json", "--lang", "en"], root)
    const refused = {
      code: 2,
      out: [],
      err: [
        "big.json: The file has 100,000,001 bytes; at most 100,000,000 bytes are read; give larger inputs as JSON Lines (.jsonl)",
      ],
    }
    expect(r).toEqual(refused)
    // impact reads its data file ahead, while the trees load: the same refusal.
    expect(
      await cli(["impact", "--base", "policy", "--head", "policy", "--data", "big.json", "--lang", "en"], root),
    ).toEqual(refused)
  })

  it("a policy file over the cap is refused unread, with its size, exit 1", async () => {
    const root = workspace()
    writeFileSync(join(root, "policy/eligibility/huge.json"), `{"title": "${"x".repeat(maxFileBytes)}"}`)
    const r = await cli(["check", "policy", "--lang", "en"], root)
    expect(r.code).toBe(1)
    expect(r.err).toEqual([
      "policy/eligibility/huge.json: The file has 1,000,013 bytes; a policy file may have at most 1,000,000 bytes, so it is not read",
    ])
  })
})

describe("the node entry", () => {
  it("returns a missing folder as a problem, and the throwing forms throw a PolicyError", () => {
    const missing = join(mkdtempSync(join(tmpdir(), "aktivitet-rules-fs-")), "nope")
    const { tree, problems } = loadTree(missing)
    expect(problems).toEqual([
      {
        file: "",
        pointer: "",
        line: 1,
        code: "missing",
        severity: "error",
        message: { en: "No such file or folder", nb: "Finnes ikke" },
      },
    ])
    expect(tree.rules).toEqual([])
    expect(() => loadTreeOrThrow(missing)).toThrow(PolicyError)
    expect(() => readTreeFiles(missing)).toThrow(PolicyError)
  })
})
