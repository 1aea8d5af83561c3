// Zicht core — the CSV index loop, written once for every 128-bit SIMD instruction set. Included by
// src/core/csv_index.cpp (natively, SSE2) and by web/csv_kernel.c (the browser's wasm SIMD kernel), each after defining:
//   ZV            the 16-byte vector type
//   zv_load(p)    unaligned load of 16 bytes
//   zv_splat(c)   16 copies of byte c
//   zv_eq(a, b)   bytewise equality (all ones where equal)
//   zv_or(a, b)   bitwise or
//   zv_mask(v)    the top bit of each byte as a 16-bit mask (byte 0 → bit 0)
//   ZV_CTZ(x)     count of trailing zero bits of a non-zero unsigned int
// Plain C (no library, no memory but p and out), so the wasm kernel links without a C library and writes nowhere else.
//
// Writes the offsets (from p) of every byte of p[0..n) equal to one of the four bytes packed in `chars` (bits 0–7,
// 8–15, 16–23, 24–31) into out, in order, and returns how many. out must hold n entries.
static inline unsigned zicht_csv_index_loop(const unsigned char* p, unsigned n, unsigned chars, unsigned* out) {
  const unsigned char c0 = (unsigned char)chars, c1 = (unsigned char)(chars >> 8), c2 = (unsigned char)(chars >> 16),
                      c3 = (unsigned char)(chars >> 24);
  const ZV v0 = zv_splat(c0), v1 = zv_splat(c1), v2 = zv_splat(c2), v3 = zv_splat(c3);
  unsigned k = 0, i = 0;
  for (; i + 16 <= n; i += 16) {
    const ZV x = zv_load(p + i);
    unsigned m = zv_mask(zv_or(zv_or(zv_eq(x, v0), zv_eq(x, v1)), zv_or(zv_eq(x, v2), zv_eq(x, v3))));
    while (m) {
      out[k++] = i + (unsigned)ZV_CTZ(m);
      m &= m - 1;
    }
  }
  for (; i < n; ++i) {
    const unsigned char c = p[i];
    out[k] = i;
    k += (c == c0) | (c == c1) | (c == c2) | (c == c3);
  }
  return k;
}
