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

// Feeds bytes to the module's digests, four at a time, little-endian words.
function feed(u8, sha) {
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
  ex.digestUpdate(n, sha ? 1 : 0);
}

function md5Hex() {
  let s = '';
  for (let i = 0; i < 4; i++) s += hex32(ex.md5Word(i));
  return s;
}

function sha256Hex() {
  let s = '';
  for (let i = 0; i < 8; i++) s += hex32(ex.sha256Word(i));
  return s;
}

// MD5 always through the module (WebCrypto has none); SHA-256 by WebCrypto when the file fits in
// memory, else streamed through the module, slice by slice.
async function digests(file, whole) {
  ex.digestStart();
  const webCrypto = typeof crypto !== 'undefined' && crypto.subtle && file.size <= WEBCRYPTO_MAX;
  if (webCrypto) {
    const buf = whole || (await file.arrayBuffer());
    for (let off = 0; off < buf.byteLength; off += CHUNK) {
      feed(new Uint8Array(buf, off, Math.min(CHUNK, buf.byteLength - off)), false);
    }
    ex.digestFinish();
    const md5 = md5Hex();
    return { md5, sha256: bufferHex(await crypto.subtle.digest('SHA-256', buf)) };
  }
  for (let off = 0; off < file.size; off += CHUNK) {
    feed(new Uint8Array(await file.slice(off, off + CHUNK).arrayBuffer()), true);
  }
  ex.digestFinish();
  return { md5: md5Hex(), sha256: sha256Hex() };
}

// The pixels PDQ sees, as the CLI takes them: the picture as displayed (EXIF orientation
// applied), in sRGB, then when a side exceeds 512 the reference's nearest-neighbour 512x512
// sample. Only the sampled rows are read back from the canvas.
async function decode(file) {
  const bmp = await createImageBitmap(file, {
    imageOrientation: 'from-image',
    colorSpaceConversion: 'default',
    premultiplyAlpha: 'none',
  });
  const w = bmp.width;
  const h = bmp.height;
  try {
    const canvas = new OffscreenCanvas(w, h);
    const g = canvas.getContext('2d', { willReadFrequently: true, colorSpace: 'srgb' });
    g.drawImage(bmp, 0, 0);
    const resize = w > LIMIT || h > LIMIT;
    const ow = resize ? LIMIT : w;
    const oh = resize ? LIMIT : h;
    const xs = new Int32Array(ow);
    const ys = new Int32Array(oh);
    for (let i = 0; i < ow; i++) xs[i] = resize ? ex.sourceIndex(w, i) : i;
    for (let i = 0; i < oh; i++) ys[i] = resize ? ex.sourceIndex(h, i) : i;
    ex.pixels(ow * oh);
    let grey = 1;
    let lastY = -1;
    let row = null;
    for (let y = 0; y < oh; y++) {
      if (ys[y] !== lastY) {
        lastY = ys[y];
        const d = g.getImageData(0, lastY, w, 1, { colorSpace: 'srgb' }).data;
        row = new Uint32Array(d.buffer, d.byteOffset, w);
      }
      const o = y * ow;
      for (let x = 0; x < ow; x++) {
        const p = row[xs[x]];
        ex.pixel(o + x, p);
        if (grey && ((p & 0xff) !== ((p >>> 8) & 0xff) || (p & 0xff) !== ((p >>> 16) & 0xff))) {
          grey = 0;
        }
      }
    }
    return { width: w, height: h, ow, oh, grey };
  } finally {
    bmp.close();
  }
}

async function hashImage(msg) {
  const file = msg.file;
  const whole = await file.arrayBuffer();
  const px = await decode(new Blob([whole], { type: file.type }));
  const quality = ex.hash(px.ow, px.oh, px.grey);
  const pdq = readHash(0);
  const d = await digests(file, whole);
  return { kind: 'image', width: px.width, height: px.height, pdq, quality, md5: d.md5, sha256: d.sha256 };
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
      ex = await link(msg.wasm);
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
