// Redress hashing worker. Runs phash compiled to WebAssembly (browserhash, TeaVM WebAssembly GC
// target) on pixels decoded here, and digests file bytes. Nothing here touches the network: the
// page hands over the module's bytes and the files; only hashes go back to the page.
//
// The module is linked without TeaVM's JavaScript runtime (which builds functions from strings and
// would need 'unsafe-eval'): its imports are few and are provided below.
'use strict';

const LIMIT = 512;                       // the reference's pre-resize (phash ReferenceResize)
const CHUNK = 4 * 1024 * 1024;           // bytes per digest slice
const WEBCRYPTO_MAX = 256 * 1024 * 1024; // larger files: SHA-256 streamed through the module
let ex = null;
let useYuv = true; // JPEGs through ImageDecoder's planes (off with the page's ?decoder=bitmap)
let yuvHits = 0;
let yuvMisses = 0;

function customJson(module, name) {
  const s = WebAssembly.Module.customSections(module, name);
  return s.length === 1 ? JSON.parse(new TextDecoder().decode(s[0])) : {};
}

function unsupported(name) {
  return () => {
    throw new Error('the hashing module called ' + name + ', which this page does not provide');
  };
}

async function link(bytes) {
  const module = await WebAssembly.compile(bytes, { builtins: ['js-string'] });
  const req = customJson(module, 'teavm.memoryRequirements');
  const heapOffset = (((req.dataSize || 0) + 7) >> 3) << 3;
  const memory = new WebAssembly.Memory({ initial: Math.max(req.min || 0, 1), maximum: 32768 });
  const given = {
    env: { memory },
    teavmMemory: {
      heapOffset: new WebAssembly.Global({ value: 'i32', mutable: false }, heapOffset),
      maxSize: new WebAssembly.Global({ value: 'i32', mutable: false }, 0x7fffffff),
      notifyHeapResized: () => {},
      linearMemory: () => memory.buffer,
    },
    teavmMath: Math,
    teavmDate: { currentTimeMillis: () => Date.now() },
    teavm: { takeStackTrace: () => null, decorateException: () => {} },
    'wasm:js-string': {
      fromCharCode: (c) => String.fromCharCode(c),
      concat: (a, b) => a + b,
      charCodeAt: (s, i) => s.charCodeAt(i),
      length: (s) => s.length,
      substring: (s, a, b) => s.substring(a, b),
    },
    // The module sets up TeaVM's JavaScript interop classes when it starts; these plain
    // versions do what the TeaVM runtime's do, without building code from strings.
    teavmJso: {
      stringBuiltinsSupported: () => true,
      isUndefined: (o) => typeof o === 'undefined',
      wrapInt: (v) => v,
      unwrapInt: (v) => v,
      wrapObject: (o) => o,
      unwrapJavaObject: (o) => o,
      javaObjectToJS: (o) => o,
      getProperty: (o, p) => (o !== null ? o[p] : globalThis[p]),
      createClass: (name, parent) => {
        const cls = function () {};
        if (parent) cls.prototype = Object.create(parent.prototype);
        return cls;
      },
      defineFunction: (fn) => (...args) => fn(...args),
      defineStaticMethod: (cls, name, fn) => {
        cls[name] = fn;
      },
      callFunction1: (fn, a) => fn(a),
      // TeaVM's class library asks for one function made from text at start: the identity on
      // strings. Known bodies only; anything else is refused rather than evaluated.
      createFunction1: (param, body) => {
        if (body.trim() === 'return ' + param + ';') {
          return (x) => x;
        }
        throw new Error('the hashing module asked to evaluate code, which is refused');
      },
    },
  };
  const imports = {};
  for (const imp of WebAssembly.Module.imports(module)) {
    const mod = (imports[imp.module] ??= {});
    const have = given[imp.module] && given[imp.module][imp.name];
    mod[imp.name] = have !== undefined ? have : unsupported(imp.module + '.' + imp.name);
  }
  const instance = await WebAssembly.instantiate(module, imports);
  return instance.exports;
}

function hex32(w) {
  return (w >>> 0).toString(16).padStart(8, '0');
}

function readHash(variant) {
  let s = '';
  for (let i = 0; i < 8; i++) s += hex32(ex.word(variant, i));
  return s;
}

function bufferHex(buf) {
  let s = '';
  for (const b of new Uint8Array(buf)) s += b.toString(16).padStart(2, '0');
  return s;
}

// Feeds bytes to the module's SHA-256, four at a time, little-endian words: only for files too
// large for WebCrypto's one-shot digest (over 256 MiB), so the per-call cost does not matter.
function feedSha(u8) {
  const n = u8.length;
  ex.chunk(n);
  const words = n >> 2;
  const dv = new DataView(u8.buffer, u8.byteOffset, n);
  for (let i = 0; i < words; i++) ex.bytes(i, dv.getInt32(i * 4, true));
  if (n & 3) {
    let w = 0;
    for (let k = 0; k < (n & 3); k++) w |= u8[words * 4 + k] << (8 * k);
    ex.bytes(words, w);
  }
  ex.digestUpdate(n, 1);
}

function sha256Hex() {
  let s = '';
  for (let i = 0; i < 8; i++) s += hex32(ex.sha256Word(i));
  return s;
}

// MD5 (RFC 1321) in plain JavaScript over 32-bit little-endian words: WebCrypto has no MD5, and
// handing bytes to the module one word per call cost more than the digest itself. Checked
// against the CLI's (the JDK's) MD5 on every vector file by the browser tests.
const MD5_K = new Int32Array(64);
for (let i = 0; i < 64; i++) MD5_K[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 0x100000000) | 0;
const MD5_S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

function md5Blocks(st, x, o, blocks) {
  const K = MD5_K;
  let a0 = st[0];
  let b0 = st[1];
  let c0 = st[2];
  let d0 = st[3];
  for (let blk = 0; blk < blocks; blk++, o += 16) {
    let a = a0;
    let b = b0;
    let c = c0;
    let d = d0;
    let f;
    let t;
    for (let i = 0; i < 16; i++) {
      f = (((b & c) | (~b & d)) + a + K[i] + x[o + i]) | 0;
      a = d; d = c; c = b;
      t = MD5_S[i & 3];
      b = (b + ((f << t) | (f >>> (32 - t)))) | 0;
    }
    for (let i = 16; i < 32; i++) {
      f = (((d & b) | (~d & c)) + a + K[i] + x[o + ((5 * i + 1) & 15)]) | 0;
      a = d; d = c; c = b;
      t = MD5_S[4 + (i & 3)];
      b = (b + ((f << t) | (f >>> (32 - t)))) | 0;
    }
    for (let i = 32; i < 48; i++) {
      f = ((b ^ c ^ d) + a + K[i] + x[o + ((3 * i + 5) & 15)]) | 0;
      a = d; d = c; c = b;
      t = MD5_S[8 + (i & 3)];
      b = (b + ((f << t) | (f >>> (32 - t)))) | 0;
    }
    for (let i = 48; i < 64; i++) {
      f = ((c ^ (b | ~d)) + a + K[i] + x[o + ((7 * i) & 15)]) | 0;
      a = d; d = c; c = b;
      t = MD5_S[12 + (i & 3)];
      b = (b + ((f << t) | (f >>> (32 - t)))) | 0;
    }
    a0 = (a0 + a) | 0;
    b0 = (b0 + b) | 0;
    c0 = (c0 + c) | 0;
    d0 = (d0 + d) | 0;
  }
  st[0] = a0;
  st[1] = b0;
  st[2] = c0;
  st[3] = d0;
}

class Md5 {
  constructor() {
    this.st = new Int32Array([0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476]);
    this.pend = new Uint8Array(64);
    this.pendWords = new Int32Array(this.pend.buffer);
    this.npend = 0;
    this.length = 0;
  }

  update(u8) {
    let p = 0;
    const n = u8.length;
    this.length += n;
    if (this.npend > 0) {
      const take = Math.min(64 - this.npend, n);
      this.pend.set(u8.subarray(0, take), this.npend);
      this.npend += take;
      p = take;
      if (this.npend < 64) return;
      md5Blocks(this.st, this.pendWords, 0, 1);
      this.npend = 0;
    }
    const blocks = (n - p) >> 6;
    if (blocks > 0) {
      const off = u8.byteOffset + p;
      if ((off & 3) === 0) {
        md5Blocks(this.st, new Int32Array(u8.buffer, off, blocks * 16), 0, blocks);
      } else {
        const copy = new Int32Array(blocks * 16);
        new Uint8Array(copy.buffer).set(u8.subarray(p, p + blocks * 64));
        md5Blocks(this.st, copy, 0, blocks);
      }
      p += blocks * 64;
    }
    if (p < n) {
      this.pend.set(u8.subarray(p), 0);
      this.npend = n - p;
    }
  }

  hex() {
    const bits = this.length * 8;
    const tail = new Uint8Array(this.npend < 56 ? 64 : 128);
    tail.set(this.pend.subarray(0, this.npend));
    tail[this.npend] = 0x80;
    const dv = new DataView(tail.buffer);
    dv.setUint32(tail.length - 8, bits >>> 0, true);
    dv.setUint32(tail.length - 4, Math.floor(bits / 0x100000000), true);
    md5Blocks(this.st, new Int32Array(tail.buffer), 0, tail.length >> 6);
    const out = new Uint8Array(this.st.buffer);
    let s = '';
    for (const b of out) s += b.toString(16).padStart(2, '0');
    return s;
  }
}

function md5Hex(buf) {
  const m = new Md5();
  m.update(new Uint8Array(buf));
  return m.hex();
}

// MD5 always in JavaScript; SHA-256 by WebCrypto when the file fits in memory, else streamed
// through the module, slice by slice.
async function digests(file, whole) {
  if (typeof crypto !== 'undefined' && crypto.subtle && file.size <= WEBCRYPTO_MAX) {
    const buf = whole || (await file.arrayBuffer());
    const sha = crypto.subtle.digest('SHA-256', buf);
    const md5 = md5Hex(buf);
    return { md5, sha256: bufferHex(await sha) };
  }
  const m = new Md5();
  ex.digestStart();
  for (let off = 0; off < file.size; off += CHUNK) {
    const u8 = new Uint8Array(await file.slice(off, off + CHUNK).arrayBuffer());
    m.update(u8);
    feedSha(u8);
  }
  ex.digestFinish();
  return { md5: m.hex(), sha256: sha256Hex() };
}

// The pixels PDQ sees, as the CLI takes them: the picture as displayed (EXIF orientation
// applied), in sRGB, then when a side exceeds 512 the reference's nearest-neighbour 512x512
// sample. Only the picked rows are drawn on the canvas (one-row source rectangles, no scaling, so
// the pixels are the decoded ones), and read back in one call; the picked columns are taken
// from them. T gets each stage's milliseconds.
function sample(bmp, T) {
  const w = bmp.width;
  const h = bmp.height;
  const resize = w > LIMIT || h > LIMIT;
  const ow = resize ? LIMIT : w;
  const oh = resize ? LIMIT : h;
  let t = performance.now();
  const canvas = new OffscreenCanvas(w, oh);
  const g = canvas.getContext('2d', { willReadFrequently: true, colorSpace: 'srgb' });
  g.imageSmoothingEnabled = false;
  const xs = new Int32Array(ow);
  for (let i = 0; i < ow; i++) xs[i] = resize ? ex.sourceIndex(w, i) : i;
  if (resize) {
    for (let y = 0; y < oh; y++) g.drawImage(bmp, 0, ex.sourceIndex(h, y), w, 1, 0, y, w, 1);
  } else {
    g.drawImage(bmp, 0, 0);
  }
  T.draw = performance.now() - t;
  t = performance.now();
  const d = g.getImageData(0, 0, w, oh, { colorSpace: 'srgb' }).data;
  const all = new Uint32Array(d.buffer, d.byteOffset, w * oh);
  T.readback = performance.now() - t;
  t = performance.now();
  ex.pixels(ow * oh);
  let grey = 1;
  for (let y = 0; y < oh; y++) {
    const r = y * w;
    const o = y * ow;
    for (let x = 0; x < ow; x++) {
      const p = all[r + xs[x]];
      ex.pixel(o + x, p);
      if (grey && ((p ^ (p >>> 8)) & 0xffff) !== 0) {
        grey = 0;
      }
    }
  }
  T.convert = performance.now() - t;
  return { width: w, height: h, ow, oh, grey };
}

// JPEG through WebCodecs' ImageDecoder, exactly as the CLI decodes it. Chromium and the JDK both
// decode JPEG with libjpeg-turbo (the same library on this system); ImageDecoder hands out the
// decoder's own Y, Cb and Cr planes (I420, I422 or I444: the IDCT's output, before any chroma
// upsampling or colour conversion), so the few pixels PDQ reads are finished here with
// libjpeg-turbo's own integer arithmetic: its "fancy" (triangle) chroma upsampling, jdsample.c
// h2v2/h2v1_fancy_upsample, and its YCbCr to RGB tables, jdcolor.c. The result is the pixels the
// CLI's decode gives at those positions, without Chromium's RGB conversion of all 12 million
// pixels. Anything else (grey, CMYK, RGB-coded, other chroma layouts, flipped orientations, a
// browser without ImageDecoder, any failure) takes createImageBitmap as before.
const YUV_SHIFT = { I420: [1, 1], I422: [1, 0], I444: [0, 0] }; // log2 chroma subsampling x, y
const ROTATION_ORIENTATION = { 0: 1, 90: 6, 180: 3, 270: 8 }; // ImageDecoder rotation -> EXIF
const CR_R = new Int32Array(256);
const CB_B = new Int32Array(256);
const CR_G = new Int32Array(256);
const CB_G = new Int32Array(256);
for (let i = 0, x = -128; i < 256; i++, x++) {
  // jdcolor.c build_ycc_rgb_table: SCALEBITS 16, FIX(v) = round(v * 65536).
  CR_R[i] = (91881 * x + 32768) >> 16;
  CB_B[i] = (116130 * x + 32768) >> 16;
  CR_G[i] = -46802 * x;
  CB_G[i] = -22554 * x + 32768;
}

function clamp255(v) {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

// The baseline or progressive JPEG's frame header: which YUV layout the CLI's decoder sees, or
// null when it is not a three-component YCbCr picture with a layout handled here.
function jpegLayout(u8) {
  let i = 2;
  let adobeTransform = -1;
  while (i + 4 <= u8.length) {
    if (u8[i] !== 0xff) return null;
    const m = u8[i + 1];
    if (m === 0xff) {
      i++;
      continue;
    }
    const len = (u8[i + 2] << 8) | u8[i + 3];
    if (m === 0xee && len >= 14 && u8[i + 4] === 0x41 && u8[i + 5] === 0x64) {
      adobeTransform = u8[i + 15];
    }
    if (m === 0xc0 || m === 0xc1 || m === 0xc2) {
      if (i + 19 > u8.length || u8[i + 4] !== 8 || u8[i + 9] !== 3) return null;
      const ids = [u8[i + 10], u8[i + 13], u8[i + 16]];
      const hv = [u8[i + 11], u8[i + 14], u8[i + 17]];
      if (adobeTransform === 0) return null; // RGB-coded
      if (adobeTransform < 0 && ids[0] === 0x52 && ids[1] === 0x47 && ids[2] === 0x42) return null;
      if (hv[1] !== 0x11 || hv[2] !== 0x11) return null;
      return { 0x22: 'I420', 0x21: 'I422', 0x11: 'I444' }[hv[0]] || null;
    }
    if (m === 0xda || m === 0xd9) return null;
    i += 2 + len;
  }
  return null;
}

// The sampled pixels from the decoder's planes (see above), folded with the orientation as the
// CLI's media Sampled does. Returns null when the frame is not what the header promised.
async function sampleYuv(frame, layout, T, keep) {
  const shift = YUV_SHIFT[frame.format];
  const o = frame.flip ? undefined : ROTATION_ORIENTATION[frame.rotation];
  const vr = frame.visibleRect;
  if (frame.format !== layout || !shift || o === undefined || vr.x !== 0 || vr.y !== 0) {
    return null;
  }
  const w = vr.width;
  const h = vr.height;
  if (w < 8 || h < 8) return null;
  let t = performance.now();
  const swap = o === 6 || o === 8;
  const dw = swap ? h : w;
  const dh = swap ? w : h;
  const resize = dw > LIMIT || dh > LIMIT;
  const ow = resize ? LIMIT : dw;
  const oh = resize ? LIMIT : dh;
  const a = new Int32Array(ow); // stored coordinate driven by the display column
  const b = new Int32Array(oh); // stored coordinate driven by the display row
  for (let i = 0; i < ow; i++) a[i] = resize ? ex.sourceIndex(dw, i) : i;
  for (let i = 0; i < oh; i++) b[i] = resize ? ex.sourceIndex(dh, i) : i;
  if (o === 3) {
    for (let i = 0; i < ow; i++) a[i] = w - 1 - a[i];
    for (let i = 0; i < oh; i++) b[i] = h - 1 - b[i];
  } else if (o === 6) {
    for (let i = 0; i < ow; i++) a[i] = h - 1 - a[i];
  } else if (o === 8) {
    for (let i = 0; i < oh; i++) b[i] = w - 1 - b[i];
  }
  const sx = shift[0];
  const sy = shift[1];
  const cw = (w + sx) >> sx;
  const ch = (h + sy) >> sy;
  // Per stored column: luma index, chroma column and its horizontal neighbour, and the weights
  // of libjpeg-turbo's upsampling for that output column's parity.
  const cols = swap ? b : a;
  const rows = swap ? a : b;
  const nc = cols.length;
  const cx = new Int32Array(nc);
  const cxn = new Int32Array(nc);
  const cEdge = new Uint8Array(nc); // 1: an edge column taking the one sample alone
  const cRound = new Uint8Array(nc); // rounding constant selector: 0 even column, 1 odd
  for (let k = 0; k < nc; k++) {
    const x = cols[k];
    const i = x >> sx;
    cx[k] = i;
    if (sx === 0) {
      cxn[k] = i;
      cEdge[k] = 1;
    } else if ((x & 1) === 0) {
      cEdge[k] = i === 0 ? 1 : 0;
      cxn[k] = i === 0 ? i : i - 1;
    } else {
      cEdge[k] = i === cw - 1 ? 1 : 0;
      cxn[k] = i === cw - 1 ? i : i + 1;
      cRound[k] = 1;
    }
  }
  // The vertically farther chroma row of each sampled row (h2v2): above for an even row, below
  // for an odd one, the edge row repeated at the top and bottom (jdmainct.c context rows).
  const far = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const y = rows[r];
    const ci = y >> sy;
    far[r] = sy === 0 ? ci : (y & 1) === 0 ? Math.max(ci - 1, 0) : Math.min(ci + 1, ch - 1);
  }
  T.convert = performance.now() - t;
  t = performance.now();
  const size = frame.allocationSize();
  const buffer = takeBuffer(size);
  try {
    const Y = new Uint8Array(buffer, 0, size);
    const lay = await frame.copyTo(Y);
    T.copy = performance.now() - t;
    if (lay[1].stride !== lay[2].stride) return null;
    t = performance.now();
    const out = keep ? new Int32Array(ow * oh) : null;
    const px = convertYuv(Y, lay, sx, sy, rows, cols, far, cx, cxn, cEdge, cRound, swap, ow, oh, out);
    T.convert += performance.now() - t;
    return { width: dw, height: dh, ow, oh, grey: px.grey, packed: out };
  } finally {
    planeBuffers.push(buffer);
  }
}

// libjpeg-turbo's upsampling and colour conversion at the sampled positions only (see above),
// into the module's pixel buffer; returns whether every sampled pixel is grey.
function convertYuv(Y, lay, sx, sy, rows, cols, far, cx, cxn, cEdge, cRound, swap, ow, oh, out) {
  const nc = cols.length;
  const yStride = lay[0].stride;
  const cStride = lay[1].stride;
  ex.pixels(ow * oh);
  let grey = 1;
  for (let r = 0; r < rows.length; r++) {
    const y = rows[r];
    const ci = y >> sy;
    const cf = far[r];
    const yRow = lay[0].offset + y * yStride;
    const uNear = lay[1].offset + ci * cStride;
    const uFar = lay[1].offset + cf * cStride;
    const vNear = lay[2].offset + ci * cStride;
    const vFar = lay[2].offset + cf * cStride;
    for (let k = 0; k < nc; k++) {
      const yy = Y[yRow + cols[k]];
      const i = cx[k];
      const j = cxn[k];
      let cb;
      let cr;
      if (sy === 1) {
        // h2v2: column sums 3 * near + far, then 3 * this + neighbour (or 4 * this at an edge).
        const cbThis = 3 * Y[uNear + i] + Y[uFar + i];
        const crThis = 3 * Y[vNear + i] + Y[vFar + i];
        const add = cRound[k] === 0 ? 8 : 7;
        if (cEdge[k]) {
          cb = (4 * cbThis + add) >> 4;
          cr = (4 * crThis + add) >> 4;
        } else {
          cb = (3 * cbThis + 3 * Y[uNear + j] + Y[uFar + j] + add) >> 4;
          cr = (3 * crThis + 3 * Y[vNear + j] + Y[vFar + j] + add) >> 4;
        }
      } else if (sx === 1) {
        // h2v1: 3/4 this + 1/4 neighbour; the edge columns are the sample itself.
        const add = cRound[k] === 0 ? 1 : 2;
        if (cEdge[k]) {
          cb = Y[uNear + i];
          cr = Y[vNear + i];
        } else {
          cb = (3 * Y[uNear + i] + Y[uNear + j] + add) >> 2;
          cr = (3 * Y[vNear + i] + Y[vNear + j] + add) >> 2;
        }
      } else {
        cb = Y[uNear + i];
        cr = Y[vNear + i];
      }
      const red = clamp255(yy + CR_R[cr]);
      const green = clamp255(yy + ((CB_G[cb] + CR_G[cr]) >> 16));
      const blue = clamp255(yy + CB_B[cb]);
      if (grey && (red !== green || green !== blue)) grey = 0;
      const packed = (red << 16) | (green << 8) | blue;
      const at = swap ? k * ow + r : r * ow + k;
      ex.packed(at, packed);
      if (out) out[at] = packed;
    }
  }
  return { grey };
}

// Buffers for the decoded planes, reused from picture to picture: a fresh 18 MB buffer per
// 12-megapixel picture costs more (page faults, zeroing) than the copy into it. One per picture in
// flight in this worker.
const planeBuffers = [];

function takeBuffer(size) {
  for (let i = 0; i < planeBuffers.length; i++) {
    if (planeBuffers[i].byteLength >= size) return planeBuffers.splice(i, 1)[0];
  }
  if (planeBuffers.length > 0) planeBuffers.pop();
  return new ArrayBuffer(size);
}

// Starts the exact YUV decode of a JPEG (see above); resolves to null when this path does not
// apply, so the caller decodes with createImageBitmap instead.
async function decodeJpegYuv(whole, T, keep) {
  if (typeof ImageDecoder === 'undefined' || !useYuv) return null;
  const layout = jpegLayout(new Uint8Array(whole));
  // A browser whose ImageDecoder gives no planes for the first pictures that have them (it
  // converts to RGB itself) would decode every picture twice: stop asking it.
  if (!layout || (yuvMisses >= 2 && yuvHits === 0)) return null;
  let dec = null;
  let frame = null;
  try {
    dec = new ImageDecoder({ data: whole, type: 'image/jpeg', colorSpaceConversion: 'none' });
    const decoded = await dec.decode();
    frame = decoded.image;
    if (!decoded.complete) return null; // a truncated file: as createImageBitmap treats it
    const decodedAt = performance.now();
    const px = await sampleYuv(frame, layout, T, keep);
    if (px) {
      px.decodedAt = decodedAt;
      yuvHits++;
    } else {
      yuvMisses++;
    }
    return px;
  } catch (e) {
    return null;
  } finally {
    if (frame) frame.close();
    if (dec) dec.close();
  }
}

// Decoding options: EXIF orientation applied, sRGB. Alpha left unpremultiplied, so the stored
// colour is kept as the CLI keeps it (it drops alpha); a JPEG has no alpha, and asking Chromium
// not to premultiply it costs about a third more CPU time for nothing, so JPEGs take the default.
const DECODE = {
  imageOrientation: 'from-image',
  colorSpaceConversion: 'default',
  premultiplyAlpha: 'none',
};
const DECODE_JPEG = { imageOrientation: 'from-image', colorSpaceConversion: 'default' };

function decodeOptions(buf) {
  const b = new Uint8Array(buf, 0, Math.min(3, buf.byteLength));
  return b.length === 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff ? DECODE_JPEG : DECODE;
}

// One picture: the bytes are read once; SHA-256 (WebCrypto) and the decode (createImageBitmap)
// are started together and run off this thread while MD5 is computed here; then the sample and
// PDQ. The result carries each stage's milliseconds (timings), for the benchmark.
async function hashImage(msg) {
  const T = {};
  const file = msg.file;
  const t0 = performance.now();
  if (file.size > WEBCRYPTO_MAX) {
    const head = await file.slice(0, 3).arrayBuffer();
    const bmp = await createImageBitmap(file, decodeOptions(head));
    let px;
    try {
      px = sample(bmp, T);
    } finally {
      bmp.close();
    }
    const quality = ex.hash(px.ow, px.oh, px.grey);
    const d = await digests(file, null);
    return { kind: 'image', width: px.width, height: px.height, pdq: readHash(0), quality, md5: d.md5, sha256: d.sha256 };
  }
  let t = t0;
  const whole = await file.arrayBuffer();
  T.read = performance.now() - t;
  const sha = crypto.subtle.digest('SHA-256', whole);
  const options = decodeOptions(whole);
  const exact = options === DECODE_JPEG ? decodeJpegYuv(whole, T) : null;
  const decoding = exact ? null : createImageBitmap(file, options);
  t = performance.now();
  const md5 = md5Hex(whole);
  T.md5 = performance.now() - t;
  t = performance.now();
  let px = exact ? await exact : null;
  if (px) {
    T.decodeWait = Math.max(0, px.decodedAt - t);
    T.yuv = 1;
  } else {
    const bmp = await (decoding || createImageBitmap(file, options));
    T.decodeWait = performance.now() - t;
    try {
      px = sample(bmp, T);
    } finally {
      bmp.close();
    }
  }
  t = performance.now();
  const quality = ex.hash(px.ow, px.oh, px.grey);
  const pdq = readHash(0);
  T.pdq = performance.now() - t;
  t = performance.now();
  const sha256 = bufferHex(await sha);
  T.shaWait = performance.now() - t;
  T.total = performance.now() - t0;
  const decoder = T.yuv ? 'yuv' : 'bitmap';
  return { kind: 'image', width: px.width, height: px.height, pdq, quality, md5, sha256, decoder, timings: T };
}

// A video frame drawn by the page (workers have no <video>): hashed whole, as the CLI hashes
// decoded frames (no pre-resize).
function hashFrame(msg) {
  const u32 = new Uint32Array(msg.rgba);
  const n = msg.width * msg.height;
  ex.pixels(n);
  for (let i = 0; i < n; i++) ex.pixel(i, u32[i]);
  const quality = ex.hash(msg.width, msg.height, 0);
  return { pdq: readHash(0), quality };
}

// Packed 0x00RRGGBB pixels given as they are (the exactness test feeds the JVM's decodes).
function hashPixels(msg) {
  const px = new Int32Array(msg.packed);
  const n = msg.width * msg.height;
  ex.pixels(n);
  for (let i = 0; i < n; i++) ex.packed(i, px[i]);
  const quality = ex.dihedral(msg.width, msg.height, msg.grey ? 1 : 0);
  const hashes = [];
  for (let v = 0; v < 8; v++) hashes.push(readHash(v));
  return { quality, hashes };
}

self.onmessage = async (e) => {
  const msg = e.data;
  try {
    let out;
    if (msg.op === 'init') {
      // With no module given, the JavaScript fallback: TeaVM's JavaScript build of the same
      // exports, put in front of this script by the page (redressPhashJs). Approximate.
      ex = msg.wasm ? await link(msg.wasm) : redressPhashJs;
      useYuv = msg.decoder !== 'bitmap';
      out = {};
    } else if (msg.op === 'image') {
      out = await hashImage(msg);
    } else if (msg.op === 'digest') {
      out = await digests(msg.file, null);
    } else if (msg.op === 'frame') {
      out = hashFrame(msg);
    } else if (msg.op === 'pixels') {
      out = hashPixels(msg);
    } else if (msg.op === 'yuvSample') {
      // For the tests: the pixels the exact JPEG path hands to PDQ (null when it does not apply).
      const px = await decodeJpegYuv(await msg.file.arrayBuffer(), {}, true);
      out = px && { ow: px.ow, oh: px.oh, width: px.width, height: px.height, packed: px.packed.buffer };
    } else {
      throw new Error('unknown operation ' + msg.op);
    }
    self.postMessage({ id: msg.id, ok: true, out });
  } catch (err) {
    self.postMessage({ id: msg.id, ok: false, reason: String((err && err.message) || err) });
  }
};
