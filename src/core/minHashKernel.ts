// MinHash's inner loop as a WebAssembly SIMD kernel: every shingle against four hash functions per
// instruction, with unsigned 32-bit minimums (i32x4.min_u). Signing a long draft is millions of
// multiply-add-minimums, the largest single cost of near-duplicate-paragraph in plain JavaScript (see
// docs/performance.md). The module is a few hundred bytes, assembled below rather than shipped as a
// binary, so what it does stays readable. Where
// WebAssembly SIMD is missing or refused, the caller keeps its JavaScript loop: same results.

/** The kernel over a fixed family of hash functions h(s) = multiplier·s + offset (mod 2^32). */
export interface MinHashKernel {
  /** Room for `count` shingles, to fill before `sign` (valid until the next call). */
  shingles(count: number): Int32Array;
  /** The unsigned minimum of each hash function over the first `count` shingles (count ≥ 1), into `signature`. */
  sign(count: number, signature: Uint32Array): void;
}

// The ES library has no WebAssembly types, and the DOM library would bring the browser's globals into the
// core: the little this file uses, declared here.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
};

// Memory: multipliers, then offsets, then the minimums, each padded to whole 16-byte vectors; shingles after.
const BYTES_PER_VECTOR = 16;
const LANES = 4;

/** The kernel, or null where this runtime cannot compile WebAssembly SIMD. */
export function simdMinHashKernel(multipliers: Int32Array, offsets: Int32Array): MinHashKernel | null {
  const vectors = Math.ceil(multipliers.length / LANES);
  const area = vectors * BYTES_PER_VECTOR;
  const layout = { multipliers: 0, offsets: area, minimums: 2 * area, shingles: 3 * area };
  let exports: { memory: WasmMemory; sign: (count: number) => void };
  try {
    const bytes = assembleModule(vectors, layout);
    if (typeof WebAssembly !== 'object' || !WebAssembly.validate(bytes)) return null;
    exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports as typeof exports;
  } catch {
    return null; // e.g. a Content-Security-Policy without 'wasm-unsafe-eval'
  }
  const memory = exports.memory;
  const constants = new Int32Array(memory.buffer, 0, 2 * vectors * LANES);
  constants.set(multipliers, 0);
  constants.set(offsets, vectors * LANES);
  // Views of the memory, made again when it grows (growing detaches the old buffer).
  let view = new Int32Array(memory.buffer, layout.shingles);
  let minimums = new Uint32Array(memory.buffer, layout.minimums, multipliers.length);
  return {
    shingles(count) {
      if (count > view.length) {
        const missing = layout.shingles + count * 4 - memory.buffer.byteLength;
        memory.grow(Math.ceil(missing / 65536));
        view = new Int32Array(memory.buffer, layout.shingles);
        minimums = new Uint32Array(memory.buffer, layout.minimums, multipliers.length);
      }
      return view;
    },
    sign(count, signature) {
      exports.sign(count);
      signature.set(minimums);
    },
  };
}

// The few opcodes the kernel uses (WebAssembly core and SIMD specifications).
const I32 = 0x7f;
const V128 = 0x7b;
const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  i32Const: 0x41,
  i32GeU: [0x4f],
  i32Add: [0x6a],
  i32Shl: [0x74],
  v128Load: [0xfd, 0x00],
  v128Load32Splat: [0xfd, 0x09],
  v128Store: [0xfd, 0x0b],
  v128Const: [0xfd, 0x0c],
  i32x4Add: [0xfd, 0xae, 0x01],
  i32x4Mul: [0xfd, 0xb5, 0x01],
  i32x4MinU: [0xfd, 0xb7, 0x01],
};

function unsignedLeb(value: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
}

/** i32.const with its operand as a signed LEB128. */
function i32Const(value: number): number[] {
  const bytes: number[] = [op.i32Const];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && !(byte & 0x40)) || (value === -1 && byte & 0x40)) return [...bytes, byte];
    bytes.push(byte | 0x80);
  }
}

function memarg(alignLog2: number, offset: number): number[] {
  return [alignLog2, ...unsignedLeb(offset)];
}

function vector(bytes: number[]): number[] {
  return [...unsignedLeb(bytes.length), ...bytes];
}

function section(id: number, content: number[]): number[] {
  return [id, ...vector(content)];
}

function name(text: string): number[] {
  return vector([...text].map((character) => character.charCodeAt(0)));
}

/**
 * `sign(count)`: for each shingle s in memory from `layout.shingles`, minimum[v] = min_u(minimum[v],
 * s·multiplier[v] + offset[v]) for every vector v of four hash functions; then stores the minimums.
 */
function assembleModule(vectors: number, layout: { multipliers: number; offsets: number; minimums: number; shingles: number }): Uint8Array {
  // Locals: 0 = count, reused as the end address; 1 = the shingle address; 2.. = the minimums; then the shingle splat.
  const end = 0;
  const at = 1;
  const minimum = (v: number) => 2 + v;
  const shingle = 2 + vectors;
  const body: number[] = [
    ...[2, 1, I32, ...unsignedLeb(vectors + 1), V128], // local declarations
    ...[op.localGet, end, ...i32Const(2), ...op.i32Shl, ...i32Const(layout.shingles), ...op.i32Add, op.localSet, end],
    ...[...i32Const(layout.shingles), op.localSet, at],
  ];
  for (let v = 0; v < vectors; v++) body.push(...op.v128Const, ...new Array<number>(16).fill(0xff), op.localSet, minimum(v));
  body.push(...op.block, ...op.loop, op.localGet, at, op.localGet, end, ...op.i32GeU, op.brIf, 1);
  body.push(op.localGet, at, ...op.v128Load32Splat, ...memarg(2, 0), op.localSet, shingle);
  for (let v = 0; v < vectors; v++) {
    body.push(op.localGet, minimum(v), op.localGet, shingle);
    body.push(...i32Const(0), ...op.v128Load, ...memarg(4, layout.multipliers + v * BYTES_PER_VECTOR), ...op.i32x4Mul);
    body.push(...i32Const(0), ...op.v128Load, ...memarg(4, layout.offsets + v * BYTES_PER_VECTOR), ...op.i32x4Add);
    body.push(...op.i32x4MinU, op.localSet, minimum(v));
  }
  body.push(op.localGet, at, ...i32Const(4), ...op.i32Add, op.localSet, at, op.br, 0, ...op.end, ...op.end);
  for (let v = 0; v < vectors; v++) body.push(...i32Const(0), op.localGet, minimum(v), ...op.v128Store, ...memarg(4, layout.minimums + v * BYTES_PER_VECTOR));
  body.push(...op.end);

  const pages = Math.max(1, Math.ceil(layout.shingles / 65536));
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, [1, 0x60, 1, I32, 0]), // one type: (i32) -> ()
    ...section(3, [1, 0]), // one function, of that type
    ...section(5, [1, 0, ...unsignedLeb(pages)]), // one memory, no maximum
    ...section(7, [2, ...name('memory'), 2, 0, ...name('sign'), 0, 0]),
    ...section(10, [1, ...vector(body)]),
  ]);
}
