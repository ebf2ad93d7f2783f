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
  const decoding = createImageBitmap(file, options);
  t = performance.now();
  const md5 = md5Hex(whole);
  T.md5 = performance.now() - t;
  t = performance.now();
  const bmp = await decoding;
  T.decodeWait = performance.now() - t;
  let px;
  try {
    px = sample(bmp, T);
  } finally {
    bmp.close();
  }
  t = performance.now();
  const quality = ex.hash(px.ow, px.oh, px.grey);
  const pdq = readHash(0);
  T.pdq = performance.now() - t;
  t = performance.now();
  const sha256 = bufferHex(await sha);
  T.shaWait = performance.now() - t;
  T.total = performance.now() - t0;
  return { kind: 'image', width: px.width, height: px.height, pdq, quality, md5, sha256, timings: T };
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
      out = {};
    } else if (msg.op === 'image') {
      out = await hashImage(msg);
    } else if (msg.op === 'digest') {
      out = await digests(msg.file, null);
    } else if (msg.op === 'frame') {
      out = hashFrame(msg);
    } else if (msg.op === 'pixels') {
      out = hashPixels(msg);
    } else {
      throw new Error('unknown operation ' + msg.op);
    }
    self.postMessage({ id: msg.id, ok: true, out });
  } catch (err) {
    self.postMessage({ id: msg.id, ok: false, reason: String((err && err.message) || err) });
  }
};
