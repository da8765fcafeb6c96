// Deterministic `urn:uuid` references: a UUID version 5 (RFC 9562 §5.5) of a
// namespace and a name, so the same record always gets the same fullUrl and a
// bundle can be compared, diffed and re-exported without a lookup table.
//
// SHA-1 is written out here rather than taken from Web Crypto because
// `crypto.subtle.digest` is asynchronous: one promise per record would make a
// 45,000-record export several times slower, and export stays synchronous.
// SHA-1's weakness (chosen-prefix collisions) does not matter for naming
// records whose names we choose ourselves; RFC 9562 prescribes it for v5.

const encoder = new TextEncoder()

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n))

// Export computes one UUID per record and reference (about 100,000 for a
// municipality-year), so the hash reuses its buffers instead of allocating.
let block = new Uint8Array(128)
const w = new Int32Array(80)
const state = new Int32Array(5)

const compress = (bytes: Uint8Array, length: number): void => {
  let h0 = 0x67452301
  let h1 = 0xefcdab89 | 0
  let h2 = 0x98badcfe | 0
  let h3 = 0x10325476
  let h4 = 0xc3d2e1f0 | 0
  for (let offset = 0; offset < length; offset += 64) {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4
      w[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!
    }
    for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1)
    let a = h0
    let b = h1
    let c = h2
    let d = h3
    let e = h4
    // Four loops rather than one with a branch per round: this is the hot path.
    for (let i = 0; i < 20; i++) {
      const t = (rotl(a, 5) + ((b & c) | (~b & d)) + 0x5a827999 + e + w[i]!) | 0
      e = d
      d = c
      c = rotl(b, 30)
      b = a
      a = t
    }
    for (let i = 20; i < 40; i++) {
      const t = (rotl(a, 5) + (b ^ c ^ d) + 0x6ed9eba1 + e + w[i]!) | 0
      e = d
      d = c
      c = rotl(b, 30)
      b = a
      a = t
    }
    for (let i = 40; i < 60; i++) {
      const t = (rotl(a, 5) + ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc + e + w[i]!) | 0
      e = d
      d = c
      c = rotl(b, 30)
      b = a
      a = t
    }
    for (let i = 60; i < 80; i++) {
      const t = (rotl(a, 5) + (b ^ c ^ d) + 0xca62c1d6 + e + w[i]!) | 0
      e = d
      d = c
      c = rotl(b, 30)
      b = a
      a = t
    }
    h0 = (h0 + a) | 0
    h1 = (h1 + b) | 0
    h2 = (h2 + c) | 0
    h3 = (h3 + d) | 0
    h4 = (h4 + e) | 0
  }
  state[0] = h0
  state[1] = h1
  state[2] = h2
  state[3] = h3
  state[4] = h4
}

// Pads `length` message bytes already in `block` and hashes them into `state`.
const digestBlock = (length: number): void => {
  const total = ((length + 8) >> 6) * 64 + 64
  block.fill(0, length, total)
  block[length] = 0x80
  const bits = length * 8
  const high = Math.floor(bits / 0x1_0000_0000)
  block[total - 8] = high >>> 24
  block[total - 7] = (high >>> 16) & 0xff
  block[total - 6] = (high >>> 8) & 0xff
  block[total - 5] = high & 0xff
  block[total - 4] = bits >>> 24
  block[total - 3] = (bits >>> 16) & 0xff
  block[total - 2] = (bits >>> 8) & 0xff
  block[total - 1] = bits & 0xff
  compress(block, total)
}

const ensure = (bytes: number): void => {
  if (block.length < bytes + 72) {
    const bigger = new Uint8Array((bytes + 72) * 2)
    bigger.set(block)
    block = bigger
  }
}

/** The SHA-1 digest (20 bytes) of `bytes`. */
export const sha1 = (bytes: Uint8Array): Uint8Array => {
  ensure(bytes.length)
  block.set(bytes)
  digestBlock(bytes.length)
  const out = new Uint8Array(20)
  for (let i = 0; i < 20; i++) out[i] = (state[i >> 2]! >>> (24 - (i & 3) * 8)) & 0xff
  return out
}

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"))
const byteAt = (i: number): number => (state[i >> 2]! >>> (24 - (i & 3) * 8)) & 0xff

/** The 16 bytes of a UUID written as `xxxxxxxx-xxxx-…`. */
export const uuidBytes = (uuid: string): Uint8Array => {
  const digits = uuid.replace(/-/gu, "")
  if (!/^[0-9a-f]{32}$/iu.test(digits)) throw new TypeError("not a UUID")
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(digits.slice(i * 2, i * 2 + 2), 16))
}

/** A version-5 UUID of `name` in the namespace given as 16 bytes. */
export const uuidV5 = (namespace: Uint8Array, name: string): string => {
  // UTF-8 needs at most 3 bytes per UTF-16 unit.
  ensure(16 + name.length * 3)
  block.set(namespace)
  const { written } = encoder.encodeInto(name, block.subarray(16))
  digestBlock(16 + written)
  const b6 = (byteAt(6) & 0x0f) | 0x50
  const b8 = (byteAt(8) & 0x3f) | 0x80
  return (
    hex[byteAt(0)]! +
    hex[byteAt(1)]! +
    hex[byteAt(2)]! +
    hex[byteAt(3)]! +
    "-" +
    hex[byteAt(4)]! +
    hex[byteAt(5)]! +
    "-" +
    hex[b6]! +
    hex[byteAt(7)]! +
    "-" +
    hex[b8]! +
    hex[byteAt(9)]! +
    "-" +
    hex[byteAt(10)]! +
    hex[byteAt(11)]! +
    hex[byteAt(12)]! +
    hex[byteAt(13)]! +
    hex[byteAt(14)]! +
    hex[byteAt(15)]!
  )
}

/** RFC 9562's namespace for names that are URLs. */
export const URL_NAMESPACE = uuidBytes("6ba7b811-9dad-11d1-80b4-00c04fd430c8")
