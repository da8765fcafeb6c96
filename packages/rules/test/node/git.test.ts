// `impact --from REVISION` reads the policy folder as committed, with git,
// from a repository made here for the test.
import { spawnSync } from "node:child_process"
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { run } from "../../src/cli/main.js"
import { filesAt, GitError, revisionProblem } from "../../src/node/git.js"
import { fixtureDir } from "../helpers.js"

const git = (cwd: string, ...args: Array<string>) => {
  const r = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Test",
      GIT_AUTHOR_EMAIL: "test@example.org",
      GIT_COMMITTER_NAME: "Test",
      GIT_COMMITTER_EMAIL: "test@example.org",
    },
  })
  if (r.status !== 0) throw new Error(r.stderr)
  return r.stdout.trim()
}

const cli = async (argv: Array<string>, cwd: string) => {
  const out: Array<string> = []
  const err: Array<string> = []
  const code = await run(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stdin: () => "", cwd })
  return { code, out: out.join("\n"), err: err.join("\n") }
}

describe("impact --from a git revision", () => {
  const repo = mkdtempSync(join(tmpdir(), "aktivitet-rules-git-"))
  git(repo, "init", "--quiet", "--initial-branch=main")
  cpSync(fixtureDir, join(repo, "rules/policy"), { recursive: true })
  git(repo, "add", ".")
  git(repo, "commit", "--quiet", "-m", "policy as decided")
  // The working tree: yoga gets 6 sessions from July 2024, not yet committed.
  const yoga = join(repo, "rules/policy/parameters/offerings/mindfull-restorative-yoga/sessions.json")
  const value = JSON.parse(readFileSync(yoga, "utf8"))
  value.values.push({ from: "2024-07-01", value: 6 })
  writeFileSync(yoga, JSON.stringify(value, null, 2))

  // Two yoga periods after 4 sessions, before and after the change: only the later one changes.
  const yogaAfter = (date: string) => ({
    date,
    subject: {
      citizen: { birthYear: 1988, departments: ["psykisk-helse"] },
      offering: "mindfull-restorative-yoga",
      enrollment: { start: date, sessionsUsed: 4 },
    },
  })
  writeFileSync(
    join(repo, "items.json"),
    JSON.stringify([
      { key: "june", ...yogaAfter("2024-06-10") },
      { key: "august", ...yogaAfter("2024-08-12") },
    ]),
  )

  it("compares the working tree's folder with the same folder at a commit", async () => {
    const r = await cli(
      ["impact", "--from", "HEAD", "--head", "rules/policy", "--data", "items.json", "--lang", "en"],
      repo,
    )
    expect(r.err).toBe("")
    expect(r.code).toBe(0)
    const lines = r.out.split("\n")
    expect(lines[1]).toBe("  base: rules/policy@HEAD (28 rules)")
    expect(lines.slice(-4)).toEqual([
      "Changed decisions: 1",
      "       1  duration/session-limit: ends → continues",
      "Examples (1 of 1):",
      "  2024-08-12  august  duration/session-limit: ends → continues",
    ])
  })

  it("reads the committed files only, never the working tree's", () => {
    const { files, problems, commit } = filesAt(join(repo, "rules/policy"), "HEAD")
    expect(problems).toEqual([])
    expect(commit).toBe(git(repo, "rev-parse", "HEAD"))
    expect(
      files.find((f) => f.path === "parameters/offerings/mindfull-restorative-yoga/sessions.json")?.text,
    ).not.toContain("2024-07-01")
    expect(files.length).toBe(git(repo, "ls-files", "rules/policy").split("\n").length)
  })

  it("names a file committed as UTF-16 as such, and reads one with a UTF-8 byte order mark", () => {
    const other = mkdtempSync(join(tmpdir(), "aktivitet-rules-git-utf16-"))
    git(other, "init", "--quiet")
    mkdirSync(join(other, "duration"))
    const text = readFileSync(join(fixtureDir, "duration/session-limit.json"), "utf8")
    writeFileSync(
      join(other, "duration/session-limit.json"),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    )
    writeFileSync(
      join(other, "duration/week-limit.json"),
      `\uFEFF${readFileSync(join(fixtureDir, "duration/week-limit.json"), "utf8")}`,
    )
    git(other, "add", ".")
    git(other, "commit", "--quiet", "-m", "saved on Windows")
    const { files, problems } = filesAt(other, "HEAD")
    expect(problems.map((p) => [p.file, p.code, p.message.en])).toEqual([
      [
        "duration/session-limit.json",
        "syntax",
        'The file is saved as UTF-16 (which Notepad calls "Unicode"); save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)',
      ],
    ])
    expect(files.map((f) => f.path)).toEqual(["duration/week-limit.json"])
  })

  it("refuses a symbolic link committed in the folder", () => {
    const other = mkdtempSync(join(tmpdir(), "aktivitet-rules-git-link-"))
    git(other, "init", "--quiet")
    writeFileSync(join(other, "secret.json"), "{}")
    symlinkSync("../secret.json", join(other, "eligibility.json"))
    git(other, "add", ".")
    git(other, "commit", "--quiet", "-m", "link")
    expect(filesAt(other, "HEAD").problems.map((p) => [p.file, p.code])).toEqual([["eligibility.json", "outside-tree"]])
  })

  it("checks the revision before git sees it: no option, no shell characters", async () => {
    for (const bad of ["--output=/tmp/x", "-p", "HEAD;rm -rf /", "$(id)", "HEAD HEAD", "", "a\nb"])
      expect(revisionProblem(bad)).toBeDefined()
    for (const good of ["HEAD", "HEAD~2", "main^", "v1.0", "HEAD@{1}", "refs/heads/main", "0123abcd"])
      expect(revisionProblem(good)).toBeUndefined()
    const r = await cli(["impact", "--from=-x", "--head", "rules/policy", "--data", "synthetic:2024"], repo)
    expect(r).toEqual({
      code: 2,
      out: "",
      err: '--from: A revision cannot start with "-" / En revisjon kan ikke starte med «-»',
    })
  })

  it("says so when git does not know the revision, or the folder is not in a repository", async () => {
    const r = await cli(
      ["impact", "--from", "no-such-branch", "--head", "rules/policy", "--data", "synthetic:2024", "--lang", "en"],
      repo,
    )
    expect(r).toEqual({
      code: 2,
      out: "",
      err: 'rules/policy@no-such-branch: There is no commit "no-such-branch" in this repository',
    })
    expect(() => filesAt(mkdtempSync(join(tmpdir(), "aktivitet-rules-nogit-")), "HEAD")).toThrow(GitError)
    expect(
      (await cli(["impact", "--from", "HEAD", "--base", "x", "--head", "rules/policy", "--data", "synthetic"], repo))
        .code,
    ).toBe(2)
  })
})
