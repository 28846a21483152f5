/**
 * C = A·B for the small Float32Array matrices of recurrence.ts, each operand given by an offset and two
 * strides, so a transposed operand or a block of rows is read in place. Sums are taken in float64 and rounded
 * once. Tiles of 4 × 4 outputs are kept in locals, which in V8 is several times faster than accumulating
 * into an array (each A and B value loaded once per tile, not once per product).
 */

/** A matrix inside a Float32Array: element (i, p) at `at + i·rowStride + p·colStride`. */
export interface Strided {
  data: Float32Array;
  at: number;
  rowStride: number;
  colStride: number;
}

/** c[cAt + i·n + j] = Σ_p A(i, p) B(p, j), for i < m, j < n, p < k. */
export type Product = (m: number, k: number, n: number, A: Strided, B: Strided, c: Float32Array, cAt: number) => void;

export const matMulInto: Product = function (m, k, n, A, B, c, cAt) {
  const { data: a, rowStride: aI, colStride: aP } = A;
  const { data: b, rowStride: bP, colStride: bJ } = B;
  for (let i0 = 0; i0 < m; i0 += 4)
    for (let j0 = 0; j0 < n; j0 += 4) {
      if (i0 + 4 > m || j0 + 4 > n) {
        edge(i0, j0, m, k, n, A, B, c, cAt);
        continue;
      }
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0,
        c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0,
        c20 = 0,
        c21 = 0,
        c22 = 0,
        c23 = 0,
        c30 = 0,
        c31 = 0,
        c32 = 0,
        c33 = 0;
      let pa = A.at + i0 * aI;
      let pb = B.at + j0 * bJ;
      for (let p = 0; p < k; p++, pa += aP, pb += bP) {
        const a0 = a[pa];
        const a1 = a[pa + aI];
        const a2 = a[pa + 2 * aI];
        const a3 = a[pa + 3 * aI];
        const b0 = b[pb];
        const b1 = b[pb + bJ];
        const b2 = b[pb + 2 * bJ];
        const b3 = b[pb + 3 * bJ];
        c00 += a0 * b0;
        c01 += a0 * b1;
        c02 += a0 * b2;
        c03 += a0 * b3;
        c10 += a1 * b0;
        c11 += a1 * b1;
        c12 += a1 * b2;
        c13 += a1 * b3;
        c20 += a2 * b0;
        c21 += a2 * b1;
        c22 += a2 * b2;
        c23 += a2 * b3;
        c30 += a3 * b0;
        c31 += a3 * b1;
        c32 += a3 * b2;
        c33 += a3 * b3;
      }
      const o0 = cAt + i0 * n + j0;
      const o1 = o0 + n;
      const o2 = o1 + n;
      const o3 = o2 + n;
      c[o0 + 0] = c00;
      c[o0 + 1] = c01;
      c[o0 + 2] = c02;
      c[o0 + 3] = c03;
      c[o1 + 0] = c10;
      c[o1 + 1] = c11;
      c[o1 + 2] = c12;
      c[o1 + 3] = c13;
      c[o2 + 0] = c20;
      c[o2 + 1] = c21;
      c[o2 + 2] = c22;
      c[o2 + 3] = c23;
      c[o3 + 0] = c30;
      c[o3 + 1] = c31;
      c[o3 + 2] = c32;
      c[o3 + 3] = c33;
    }
};

/** A tile cut by the matrix's edge, one output at a time. */
function edge(i0: number, j0: number, m: number, k: number, n: number, A: Strided, B: Strided, c: Float32Array, cAt: number) {
  for (let i = i0; i < Math.min(i0 + 4, m); i++)
    for (let j = j0; j < Math.min(j0 + 4, n); j++) {
      let sum = 0;
      for (let p = 0; p < k; p++)
        sum += A.data[A.at + i * A.rowStride + p * A.colStride] * B.data[B.at + p * B.rowStride + j * B.colStride];
      c[cAt + i * n + j] = sum;
    }
}
