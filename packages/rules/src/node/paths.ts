// What a path on disk is, found without opening it: a folder, a regular
// file, or something a reader must refuse — a missing path, a symlink loop,
// a FIFO, socket or device (opening a FIFO blocks until someone writes).
// Files are opened non-blocking and checked again through the open handle,
// so a file swapped for a FIFO between the look and the read cannot hang us.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats, statSync } from "node:fs"
import type { Bilingual } from "@aktivitetsmodell/core"
import type { Code } from "../Problem.js"

/** A refusal: the problem code and why, in both languages (and a file's size, when it is too large). */
export interface Refusal {
  readonly code: Code
  readonly message: Bilingual
  readonly size?: number
}

export type Inspected =
  | { readonly kind: "directory" | "file"; readonly real: string; readonly size: number }
  | ({ readonly kind: "refused" } & Refusal)

/** The error code Node gave, if any. */
const errorCode = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown } | null)?.code
  return typeof code === "string" ? code : undefined
}

/** Why a path cannot be used, from the error its look-up gave. */
export const refusalOf = (e: unknown): Refusal => {
  switch (errorCode(e)) {
    case "ENOENT":
      return { code: "missing", message: { en: "No such file or folder", nb: "Finnes ikke" } }
    case "ENOTDIR":
      return {
        code: "missing",
        message: {
          en: "No such file or folder (a part of the path is a file)",
          nb: "Finnes ikke (en del av stien er en fil)",
        },
      }
    case "ELOOP":
      return {
        code: "symlink-loop",
        message: {
          en: "A symbolic link loop: the link leads back to itself",
          nb: "En løkke av symbolske lenker: lenken peker tilbake til seg selv",
        },
      }
    case "EACCES":
    case "EPERM":
      return { code: "unreadable", message: { en: "Permission denied", nb: "Mangler tilgang" } }
    case "ENAMETOOLONG":
      return { code: "missing", message: { en: "The path is too long", nb: "Stien er for lang" } }
    default:
      return { code: "unreadable", message: { en: "Cannot be read", nb: "Kan ikke leses" } }
  }
}

const special = (s: {
  isFIFO(): boolean
  isSocket(): boolean
  isCharacterDevice(): boolean
  isBlockDevice(): boolean
}): Bilingual | undefined =>
  s.isFIFO()
    ? {
        en: "A FIFO (named pipe), not a file; it is not opened",
        nb: "En FIFO (navngitt rør), ikke en fil; den åpnes ikke",
      }
    : s.isSocket()
      ? { en: "A socket, not a file; it is not opened", nb: "En socket, ikke en fil; den åpnes ikke" }
      : s.isCharacterDevice() || s.isBlockDevice()
        ? { en: "A device, not a file; it is not opened", nb: "En enhet, ikke en fil; den åpnes ikke" }
        : undefined

/**
 * What `path` is, following symbolic links (a loop is refused). Never opens it.
 */
export const inspect = (path: string): Inspected => {
  let real: string
  try {
    real = realpathSync(path)
  } catch (e) {
    const r = refusalOf(e)
    return { kind: "refused", ...r }
  }
  let s: Stats
  try {
    s = statSync(real)
  } catch (e) {
    return { kind: "refused", ...refusalOf(e) }
  }
  if (s.isDirectory()) return { kind: "directory", real, size: 0 }
  if (s.isFile()) return { kind: "file", real, size: s.size }
  const why = special(s)
  return why === undefined
    ? {
        kind: "refused",
        code: "special-file",
        message: { en: "Neither a file nor a folder", nb: "Verken en fil eller en mappe" },
      }
    : { kind: "refused", code: "special-file", message: why }
}

// A refusal passes through; a path of the `wrong` kind is refused with `code` and `message`.
const expecting =
  (wrong: "directory" | "file", code: Code, message: Bilingual) =>
  (i: Inspected): Refusal | undefined =>
    i.kind === "refused" ? i : i.kind === wrong ? { code, message } : undefined

/** The refusal when an inspected path is not a folder. */
export const expectFolder = expecting("file", "not-a-folder", {
  en: "A file, where a folder is expected",
  nb: "En fil, der det skal være en mappe",
})

/** The refusal when an inspected path is not a file. */
export const expectFile = expecting("directory", "not-a-file", {
  en: "A folder, where a file is expected",
  nb: "En mappe, der det skal være en fil",
})

const flags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)

const grouped = (n: number, separator: string): string => {
  const digits = String(Math.trunc(n))
  const groups: Array<string> = []
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end))
  return groups.join(separator)
}

/**
 * A byte count as people read it: 1000000 → "1,000,000 bytes" / "1 000 000 byte".
 * Bokmål groups with a narrow no-break space, which redaction does not take
 * for a separator inside an identity number.
 */
export const byteCount = (bytes: number): { readonly en: string; readonly nb: string } => ({
  en: `${grouped(bytes, ",")} bytes`,
  nb: `${grouped(bytes, "\u202f")} byte`,
})

/**
 * Opens a regular file for reading, non-blocking, and checks through the
 * open handle that it is one. `noFollow` refuses a symbolic link in the last
 * step of the path. The caller closes the descriptor.
 */
export const openRegular = (
  path: string,
  noFollow = false,
): { readonly ok: true; readonly fd: number; readonly size: number } | ({ readonly ok: false } & Refusal) => {
  let fd: number
  try {
    fd = openSync(path, flags | (noFollow ? (constants.O_NOFOLLOW ?? 0) : 0))
  } catch (e) {
    return { ok: false, ...refusalOf(e) }
  }
  try {
    const s = fstatSync(fd)
    if (s.isFile()) return { ok: true, fd, size: s.size }
    closeSync(fd)
    return {
      ok: false,
      code: s.isDirectory() ? "not-a-file" : "special-file",
      message: special(s) ?? { en: "Not a file", nb: "Ikke en fil" },
    }
  } catch (e) {
    closeSync(fd)
    return { ok: false, ...refusalOf(e) }
  }
}

type BytesRead = { readonly ok: true; readonly bytes: Uint8Array } | ({ readonly ok: false } & Refusal)

/** The refusal of a file of `size` bytes, over `maxBytes`. */
export const tooLarge = (size: number, maxBytes: number) => {
  const has = byteCount(size)
  const most = byteCount(maxBytes)
  return {
    ok: false,
    code: "too-large",
    size,
    message: {
      en: `The file has ${has.en}; at most ${most.en} are read`,
      nb: `Filen har ${has.nb}; høyst ${most.nb} leses`,
    },
  } as const
}

// The buffer a file is read into, at most one byte over the cap so that a
// file grown since fstat is caught. Unfilled: only the bytes read are ever
// decoded, and a large file needs no zeroing first.
class Filling {
  buffer: Buffer
  length = 0
  constructor(
    size: number,
    readonly maxBytes: number,
  ) {
    this.buffer = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1)
  }
  /** Takes the `n` bytes just read: the result once the file is read (`n` is 0) or too large, else undefined. */
  took(n: number): BytesRead | undefined {
    if (n === 0) return { ok: true, bytes: this.buffer.subarray(0, this.length) }
    this.length += n
    if (this.length === this.buffer.length) {
      if (this.length > this.maxBytes) return tooLarge(this.length, this.maxBytes)
      const bigger = Buffer.allocUnsafe(Math.min(this.buffer.length * 2, this.maxBytes + 1))
      this.buffer.copy(bigger, 0, 0, this.length)
      this.buffer = bigger
    }
    return undefined
  }
}

/**
 * Reads a regular file's bytes, refusing anything else and anything over
 * `maxBytes`. `noFollow` refuses a symbolic link in the last step of the path.
 */
export const readRegularBytes = (path: string, maxBytes: number, noFollow = false): BytesRead => {
  const opened = openRegular(path, noFollow)
  if (!opened.ok) return opened
  const fd = opened.fd
  try {
    if (opened.size > maxBytes) return tooLarge(opened.size, maxBytes)
    const f = new Filling(opened.size, maxBytes)
    for (;;) {
      const done = f.took(readSync(fd, f.buffer, f.length, f.buffer.length - f.length, null))
      if (done !== undefined) return done
    }
  } catch (e) {
    return { ok: false, ...refusalOf(e) }
  } finally {
    closeSync(fd)
  }
}

// A leading byte order mark stays in the text, as with Buffer#toString.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true })

/** Reads a regular file as UTF-8 text, as {@link readRegularBytes} reads its bytes. */
export const readRegular = (
  path: string,
  maxBytes: number,
  noFollow = false,
): { readonly ok: true; readonly text: string } | ({ readonly ok: false } & Refusal) => {
  const r = readRegularBytes(path, maxBytes, noFollow)
  // TextDecoder replaces invalid bytes exactly as Buffer#toString does and
  // decodes large files with non-Latin-1 characters about twice as fast.
  return r.ok ? { ok: true, text: utf8.decode(r.bytes) } : r
}
