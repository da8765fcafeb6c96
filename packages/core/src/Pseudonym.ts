/**
 * Pseudonyms for citizens: a keyed hash (HMAC-SHA-256) of the national
 * identity number, so records can be linked without storing the number.
 *
 * Uses Web Crypto (`globalThis.crypto.subtle`), which Node 20 and browsers
 * both provide, so the same code runs in the app and in batch jobs. Whoever
 * holds the secret can recompute a pseudonym from a known number, so the
 * secret must be kept like the numbers themselves.
 *
 * @module
 */
import * as Schema from "effect/Schema"
import { guard } from "./internal/guard.js"
import { isPseudonymText } from "./internal/idText.js"
import { withPredicate } from "./internal/predicates.js"
import type { Bilingual } from "./internal/text.js"
import { type NationalIdRejectionCode, validateNationalId } from "./NationalId.js"
import { ProblemsError } from "./ProblemsError.js"

const pseudonymPattern = /^[0-9a-f]{32}$/u

/**
 * A citizen's pseudonym: 32 lowercase hexadecimal characters (the first 16
 * bytes of an HMAC-SHA-256), branded `Pseudonym`.
 *
 * Use it as the only identifier of a citizen in stored records.
 *
 * @example
 * import * as Schema from "effect/Schema"
 * Schema.decodeUnknownSync(Pseudonym)("0f1e2d3c4b5a69788796a5b4c3d2e1f0")
 * @category schemas
 */
export const Pseudonym = Schema.String.check(
  withPredicate(
    Schema.isPattern(pseudonymPattern, {
      message: "Expected a pseudonym: 32 lowercase hexadecimal characters",
      messageNb: "Forventet et pseudonym: 32 små heksadesimale tegn",
    }),
    isPseudonymText,
  ),
).pipe(Schema.brand("Pseudonym"))

/**
 * A string that has passed {@link Pseudonym}.
 *
 * Use it for citizen identifiers in records and function signatures.
 *
 * @example
 * const p: Pseudonym = Schema.decodeUnknownSync(Pseudonym)("0f1e2d3c4b5a69788796a5b4c3d2e1f0")
 * @category models
 */
export type Pseudonym = typeof Pseudonym.Type

/**
 * Why pseudonymising failed: a secret that is too short or too regular, a key that is not an
 * HMAC-SHA-256 signing key, or an input that is not a national identity
 * number. `message` holds both languages; `text` holds them apart.
 * Messages never contain the secret or the number.
 *
 * @example
 * try { await importPseudonymKey("short") } catch (e) { if (e instanceof PseudonymError) e.text.nb }
 * @category models
 */
export class PseudonymError extends ProblemsError {
  override readonly name: string = "PseudonymError"
  constructor(
    readonly code: "secret-too-short" | "unsuitable-key" | NationalIdRejectionCode,
    text: Bilingual,
  ) {
    super([], text)
  }
}

/** Bytes of key material below which a key is refused: 256 bits, the size of the HMAC-SHA-256 hash. */
export const MIN_SECRET_BYTES = 32
// A random 32-byte secret has about 30 distinct byte values; fewer than 16 means
// a typed or repeated pattern ("aaaa…", all zeros), which can be guessed.
const MIN_DISTINCT_BYTES = 16

const subtle = (): SubtleCrypto => globalThis.crypto.subtle

const howToMake = {
  en: "make one with crypto.getRandomValues(new Uint8Array(32)), or keep one as base64 (node -e \"console.log(crypto.randomBytes(32).toString('base64'))\") and read it with Pseudonym.secretFromBase64",
  nb: "lag en med crypto.getRandomValues(new Uint8Array(32)), eller ta vare på en som base64 (node -e \"console.log(crypto.randomBytes(32).toString('base64'))\") og les den med Pseudonym.secretFromBase64",
}

const weak = ({ en, nb }: Bilingual): PseudonymError =>
  new PseudonymError("secret-too-short", { nb: `${nb}; ${howToMake.nb}`, en: `${en}; ${howToMake.en}` })

/**
 * Key material from a base64 text, as kept in an environment variable or a
 * secret store. Rejects with a {@link PseudonymError} when it is not base64.
 * @example
 * const key = await importPseudonymKey(secretFromBase64(process.env.PSEUDONYM_SECRET ?? ""))
 * @category constructors
 */
export const secretFromBase64 = (text: string): Uint8Array => {
  const clean = typeof text === "string" ? text.trim() : ""
  if (!/^[A-Za-z0-9+/]*={0,2}$/u.test(clean) || clean.length % 4 !== 0) {
    throw weak({ en: "The secret is not base64 text", nb: "Hemmeligheten er ikke base64-tekst" })
  }
  return Uint8Array.from(atob(clean), (c) => c.charCodeAt(0))
}

/**
 * Imports key material as the HMAC-SHA-256 key that {@link pseudonymise} uses.
 *
 * Use it once per process or batch; the key is not extractable. Only a
 * `Uint8Array` of at least 32 random bytes is accepted: a string, a number, an
 * all-zero or repetitive secret rejects with a {@link PseudonymError} that says
 * how to make a key. An HMAC-SHA-256 `CryptoKey` is passed through after a check.
 *
 * @example
 * const key = await importPseudonymKey(crypto.getRandomValues(new Uint8Array(32)))
 * @category constructors
 */
export const importPseudonymKey = async (secret: Uint8Array | CryptoKey): Promise<CryptoKey> => {
  if (typeof CryptoKey !== "undefined" && secret instanceof CryptoKey) {
    if (!isSuitableKey(secret)) throw unsuitableKey()
    return secret
  }
  if (!(secret instanceof Uint8Array)) {
    throw weak({
      en: `The pseudonym secret must be a Uint8Array of at least ${MIN_SECRET_BYTES} random bytes, not ${typeof secret === "string" ? "text" : typeof secret}`,
      nb: `Hemmeligheten for pseudonymer må være en Uint8Array med minst ${MIN_SECRET_BYTES} tilfeldige byte, ikke ${typeof secret === "string" ? "tekst" : typeof secret}`,
    })
  }
  if (secret.length < MIN_SECRET_BYTES) {
    throw weak({
      en: `The pseudonym secret must be at least ${MIN_SECRET_BYTES} bytes`,
      nb: `Hemmeligheten for pseudonymer må være minst ${MIN_SECRET_BYTES} byte`,
    })
  }
  if (new Set(secret).size < MIN_DISTINCT_BYTES) {
    throw weak({
      en: "The pseudonym secret is too regular (all zeros, or a repeated pattern) to be secret",
      nb: "Hemmeligheten for pseudonymer er for regelmessig (bare nuller eller et gjentatt mønster) til å være hemmelig",
    })
  }
  // A copy: it has a plain ArrayBuffer, as importKey wants, and the caller's
  // array can change without affecting us.
  const bytes = new Uint8Array(secret)
  try {
    return await subtle().importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"])
  } finally {
    bytes.fill(0)
  }
}

const unsuitableKey = (): PseudonymError =>
  new PseudonymError("unsuitable-key", {
    nb: "Nøkkelen er ikke en HMAC-SHA-256-nøkkel for signering; lag den med importPseudonymKey",
    en: "The key is not an HMAC-SHA-256 signing key; make it with importPseudonymKey",
  })

// Another hash would give different pseudonyms for the same person without
// any error, splitting their records, so the key is checked, not trusted.
const isSuitableKey = (key: CryptoKey): boolean => {
  if (typeof key !== "object" || key === null || key.type !== "secret") return false
  const algorithm = key.algorithm as Partial<HmacKeyAlgorithm>
  return algorithm.name === "HMAC" && algorithm.hash?.name === "SHA-256" && key.usages.includes("sign")
}

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")

const hmac = async (key: CryptoKey, id: string): Promise<Pseudonym> => {
  const mac = new Uint8Array(await subtle().sign("HMAC", key, new TextEncoder().encode(id)))
  // 16 bytes keep collisions negligible (birthday bound ~2^64) at half the length.
  return Pseudonym.make(hex(mac.subarray(0, 16)))
}

type Checked =
  | { readonly id: string }
  | { readonly rejection: { readonly code: NationalIdRejectionCode; readonly message: Bilingual } }

const check = (nationalId: string | undefined): Checked => {
  // Plain JavaScript callers may pass anything (or leave holes in an array);
  // validateNationalId rejects non-strings without throwing.
  const id = typeof nationalId === "string" ? nationalId.trim() : (nationalId ?? "")
  const result = validateNationalId(id, { allowSynthetic: true })
  return result.ok ? { id } : { rejection: result.rejection }
}

/**
 * The pseudonym of a national identity number under a key.
 *
 * Use it wherever a number enters the system, and store only the result. The
 * number is trimmed, then validated (synthetic test numbers are accepted); an
 * invalid number rejects with a {@link PseudonymError} whose message says why
 * without repeating it. The same key and number always give the same
 * pseudonym.
 *
 * @example
 * const p = await pseudonymise(key, "02013299997") // e.g. "3f9c…" (32 hex characters)
 * @category constructors
 */
export const pseudonymise = guard(
  "Pseudonym.pseudonymise",
  { en: "a key and a national identity number", nb: "en nøkkel og et fødselsnummer" },
  async (key: CryptoKey, nationalId: string): Promise<Pseudonym> => {
    if (!isSuitableKey(key)) throw unsuitableKey()
    const checked = check(nationalId)
    if ("rejection" in checked) throw new PseudonymError(checked.rejection.code, checked.rejection.message)
    return hmac(key, checked.id)
  },
)

/**
 * The outcome for one input of {@link pseudonymiseMany}, at the input's index.
 *
 * @example
 * const r: PseudonymResult = { index: 0, ok: false, code: "check-digit-2", message: { en: "…", nb: "…" } }
 * @category models
 */
export type PseudonymResult =
  | { readonly index: number; readonly ok: true; readonly pseudonym: Pseudonym }
  | {
      readonly index: number
      readonly ok: false
      readonly code: NationalIdRejectionCode
      readonly message: Bilingual
    }

/**
 * Pseudonymises many numbers, one result per input in the same order, so an
 * invalid number never shifts or drops the others.
 *
 * Use it for imports: report the rejected indexes back to the person who made
 * the file. Rejects as a whole only when the key is unsuitable.
 *
 * @example
 * const results = await pseudonymiseMany(key, ["02013299997", "123"])
 * results[1] // { index: 1, ok: false, code: "not-11-digits", message: {…} }
 * @category constructors
 */
export const pseudonymiseMany = guard(
  "Pseudonym.pseudonymiseMany",
  { en: "a key and a list of national identity numbers", nb: "en nøkkel og en liste med fødselsnumre" },
  async (key: CryptoKey, ids: ReadonlyArray<string>): Promise<ReadonlyArray<PseudonymResult>> => {
    if (!isSuitableKey(key)) throw unsuitableKey()
    // Index loop, not map: map skips holes in a sparse array and would lose inputs.
    const pending: Array<Promise<PseudonymResult>> = []
    for (let index = 0; index < ids.length; index++) {
      const checked = check(ids[index])
      pending.push(
        "rejection" in checked
          ? Promise.resolve({ index, ok: false, ...checked.rejection })
          : hmac(key, checked.id).then((pseudonym) => ({ index, ok: true, pseudonym })),
      )
    }
    return Promise.all(pending)
  },
)

/**
 * A pseudonymiser bound to one secret.
 *
 * @example
 * const p: Pseudonymiser = await makePseudonymiser(secret)
 * @category models
 */
export interface Pseudonymiser {
  readonly pseudonymise: (nationalId: string) => Promise<Pseudonym>
  readonly pseudonymiseMany: (ids: ReadonlyArray<string>) => Promise<ReadonlyArray<PseudonymResult>>
}

/**
 * Imports the secret once and returns functions that pseudonymise with it.
 *
 * Use it when one secret serves a whole process, to avoid passing the key
 * around. Rejects like {@link importPseudonymKey} for a short secret.
 *
 * @example
 * const { pseudonymise } = await makePseudonymiser(secretFromBase64(process.env.PSEUDONYM_SECRET ?? ""))
 * await pseudonymise("02013299997")
 * @category constructors
 */
export const makePseudonymiser = async (secret: Uint8Array | CryptoKey): Promise<Pseudonymiser> => {
  const key = await importPseudonymKey(secret)
  return {
    pseudonymise: (nationalId) => pseudonymise(key, nationalId),
    pseudonymiseMany: (ids) => pseudonymiseMany(key, ids),
  }
}
