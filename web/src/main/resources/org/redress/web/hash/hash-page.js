// Redress: hashing her pictures in her own browser. The files are read here, decoded and hashed
// in Web Workers (phash compiled to WebAssembly); only names, sizes and hashes are shown, and
// only the hash list is ever sent (when she adds it to her case bank) or saved (download).
// The same script runs in the workspace page (/hash) and in the self-contained file that
// `redress hasher` writes, where the module and the worker are inlined.
(function () {
  'use strict';
  var root = document.getElementById('hasher');
  if (!root) {
    return;
  }
  var ds = root.dataset;
  var SECONDS_PER_FRAME = Number(ds.secondsPerFrame || '1');
  var VIDEO = /\.(mp4|m4v|mov|webm|mkv|avi|3gp|ogv)$/i;

  function t(key, a, b) {
    var s = ds['t' + key] || key;
    return s.replace('{0}', a).replace('{1}', b);
  }

  function base64Bytes(text) {
    var bin = atob(text.replace(/\s+/g, ''));
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) {
      out[i] = bin.charCodeAt(i);
    }
    return out.buffer;
  }

  function moduleBytes() {
    var inline = document.getElementById('phash-wasm');
    if (inline) {
      return Promise.resolve(base64Bytes(inline.textContent));
    }
    return fetch(ds.wasmUrl, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) {
        throw new Error('module ' + r.status);
      }
      return r.arrayBuffer();
    });
  }

  function newWorker(url) {
    if (url) {
      return new Worker(url);
    }
    var inline = document.getElementById('worker-src');
    if (inline) {
      return new Worker(
        URL.createObjectURL(new Blob([inline.textContent], { type: 'text/javascript' }))
      );
    }
    return new Worker(ds.workerUrl);
  }

  function scriptText(id, url) {
    var inline = document.getElementById(id);
    if (inline) {
      return Promise.resolve(inline.textContent);
    }
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) {
        throw new Error(url + ' ' + r.status);
      }
      return r.text();
    });
  }

  // The fallback for browsers without WebAssembly GC: TeaVM's JavaScript build of the same code
  // (its exports bound to redressPhashJs) in front of the same worker script, as one local blob.
  function fallbackWorkerUrl() {
    return Promise.all([
      scriptText('phash-js', ds.jsUrl),
      scriptText('worker-src', ds.workerUrl),
    ]).then(function (t) {
      var src =
        'var redressPhashJs = (function () {\nvar exports = {};\n' +
        t[0] +
        '\nreturn exports;\n})();\n' +
        t[1];
      return URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    });
  }

  // A pool of workers, each with the module. A worker is given at most IN_FLIGHT files at a time
  // (two: the next file's read and decode, which the browser runs off the worker's thread, overlap
  // the current one's sampling and hashing); the rest wait here, so memory stays bounded (a
  // decoded 12-megapixel picture is 48 MB).
  var IN_FLIGHT = Number(new URLSearchParams(location.search).get('inflight') || 2);
  function Pool(n, engine) {
    var self = this;
    self.workers = [];
    self.next = 1;
    self.pending = {};
    self.waiting = [];
    var inits = [];
    for (var i = 0; i < n; i++) {
      var w = newWorker(engine.url);
      w.busy = 0;
      w.onmessage = function (e) {
        var p = self.pending[e.data.id];
        delete self.pending[e.data.id];
        p.worker.busy--;
        if (e.data.ok) {
          p.resolve(e.data.out);
        } else {
          p.reject(new Error(e.data.reason));
        }
        self.dispatch();
      };
      self.workers.push(w);
      inits.push(
        self.callOn(w, {
          op: 'init',
          wasm: engine.wasm ? engine.wasm.slice(0) : undefined,
          decoder: new URLSearchParams(location.search).get('decoder'),
        })
      );
    }
    self.ready = Promise.all(inits);
  }
  Pool.prototype.close = function () {
    this.workers.forEach(function (w) {
      w.terminate();
    });
  };
  Pool.prototype.callOn = function (w, msg, transfer) {
    var self = this;
    return new Promise(function (resolve, reject) {
      msg.id = self.next++;
      w.busy++;
      self.pending[msg.id] = { resolve: resolve, reject: reject, worker: w };
      w.postMessage(msg, transfer || []);
    });
  };
  Pool.prototype.call = function (msg, transfer) {
    var self = this;
    return new Promise(function (resolve, reject) {
      self.waiting.push({ msg: msg, transfer: transfer, resolve: resolve, reject: reject });
      self.dispatch();
    });
  };
  Pool.prototype.dispatch = function () {
    while (this.waiting.length > 0) {
      var best = this.workers[0];
      for (var i = 1; i < this.workers.length; i++) {
        if (this.workers[i].busy < best.busy) {
          best = this.workers[i];
        }
      }
      if (best.busy >= IN_FLIGHT) {
        return;
      }
      var job = this.waiting.shift();
      this.callOn(best, job.msg, job.transfer).then(job.resolve, job.reject);
    }
  };

  var workers = Number(new URLSearchParams(location.search).get('workers') || ds.workers || 0);
  if (!(workers > 0)) {
    workers = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8));
  }
  // The exact engine (WebAssembly GC) unless the browser cannot compile or run it, or the page
  // is opened with ?engine=js (tests); then the JavaScript fallback, every result of which is
  // labelled approximate: the row (data-approximate), a visible note, and the hash list's item.
  var approximate = false;
  var pool = null;
  var exact =
    new URLSearchParams(location.search).get('engine') === 'js'
      ? Promise.reject(new Error('the JavaScript engine was asked for'))
      : moduleBytes().then(function (wasm) {
          pool = new Pool(workers, { wasm: wasm });
          return pool.ready;
        });
  var ready = exact.catch(function (e) {
    root.dataset.exactError = String((e && e.message) || e);
    if (pool) {
      pool.close();
    }
    approximate = true;
    root.dataset.approximate = 'true';
    document.getElementById('approximate-note').hidden = false;
    return fallbackWorkerUrl().then(function (url) {
      pool = new Pool(workers, { url: url });
      return pool.ready;
    });
  });

  var table = document.getElementById('hashes');
  var tbody = table.querySelector('tbody');
  var progress = document.getElementById('progress');
  var progressText = document.getElementById('progress-text');
  var status = document.getElementById('status');
  var results = [];
  var timings = [];
  var total = 0;
  var done = 0;
  var started = 0;

  function size(n) {
    if (n < 1024) {
      return n + ' B';
    }
    if (n < 1024 * 1024) {
      return (n / 1024).toFixed(1) + ' KiB';
    }
    return (n / 1024 / 1024).toFixed(1) + ' MiB';
  }

  function showProgress() {
    progress.max = Math.max(total, 1);
    progress.value = done;
    var secs = (performance.now() - started) / 1000;
    var rate = secs > 0 ? (done / secs).toFixed(1) : '0';
    progressText.textContent = t('Progress', done, total) + ' · ' + t('Rate', rate);
    var finished = total > 0 && done === total;
    document.getElementById('download').disabled = !finished || results.length === 0;
    var add = document.getElementById('add-to-bank');
    if (add) {
      add.disabled = !finished || results.length === 0;
    }
    root.dataset.state = finished ? 'done' : 'working';
  }

  function row(file) {
    var tr = document.createElement('tr');
    tr.dataset.file = file.webkitRelativePath || file.name;
    tr.dataset.size = String(file.size);
    var name = document.createElement('td');
    name.textContent = tr.dataset.file;
    var sz = document.createElement('td');
    sz.textContent = size(file.size);
    var st = document.createElement('td');
    st.textContent = t('Waiting');
    var q = document.createElement('td');
    tr.appendChild(name);
    tr.appendChild(sz);
    tr.appendChild(st);
    tr.appendChild(q);
    tbody.appendChild(tr);
    return tr;
  }

  function finish(tr, file, r) {
    tr.dataset.kind = r.kind;
    tr.dataset.pdq = r.pdq || '';
    tr.dataset.quality = r.quality === undefined ? '' : String(r.quality);
    tr.dataset.md5 = r.md5;
    tr.dataset.sha256 = r.sha256;
    if (r.decoder) {
      tr.dataset.decoder = r.decoder;
    }
    if (r.vpdq) {
      tr.dataset.frames = String(r.vpdq.length);
    }
    tr.cells[2].textContent =
      r.kind === 'video' ? t('Video', r.vpdq.length) : t(approximate ? 'DoneApproximate' : 'Done');
    tr.cells[3].textContent = tr.dataset.quality;
    var item = { name: tr.dataset.file, size: file.size, kind: r.kind, md5: r.md5, sha256: r.sha256 };
    if (approximate) {
      tr.dataset.approximate = 'true';
      item.approximate = true;
    }
    if (r.kind === 'image') {
      item.pdq = r.pdq;
      item.quality = r.quality;
    } else {
      item.vpdq = r.vpdq;
    }
    results.push(item);
    if (r.timings) {
      timings.push(r.timings);
    }
    if (document.getElementById('thumbnails').checked && r.kind === 'image') {
      thumbnail(tr, file);
    }
  }

  function thumbnail(tr, file) {
    var img = document.createElement('img');
    img.alt = '';
    img.className = 'thumb';
    img.src = URL.createObjectURL(file);
    tr.cells[0].prepend(img);
  }

  function fail(tr, reason) {
    tr.dataset.error = reason;
    tr.cells[2].textContent = t('Failed');
  }

  function seek(video, time) {
    return new Promise(function (resolve, reject) {
      video.onseeked = function () {
        resolve();
      };
      video.onerror = function () {
        reject(new Error('cannot decode the video'));
      };
      video.currentTime = time;
    });
  }

  // vPDQ: one frame every SECONDS_PER_FRAME seconds (the CLI's rate), drawn from a <video>
  // element here (workers have none) and hashed whole in a worker.
  function videoFrames(file) {
    var url = URL.createObjectURL(file);
    var video = document.createElement('video');
    video.muted = true;
    video.preload = 'auto';
    var frames = [];
    return new Promise(function (resolve, reject) {
      video.onloadedmetadata = function () {
        resolve();
      };
      video.onerror = function () {
        reject(new Error('cannot decode the video'));
      };
      video.src = url;
    })
      .then(function () {
        var w = video.videoWidth;
        var h = video.videoHeight;
        var canvas = document.createElement('canvas');
        canvas.width = w;
        canvas.height = h;
        var g = canvas.getContext('2d', { willReadFrequently: true, colorSpace: 'srgb' });
        var times = [];
        for (var s = 0; s < video.duration; s += SECONDS_PER_FRAME) {
          times.push(s);
        }
        var chain = Promise.resolve();
        times.forEach(function (time, k) {
          chain = chain
            .then(function () {
              return seek(video, time);
            })
            .then(function () {
              g.drawImage(video, 0, 0, w, h);
              var d = g.getImageData(0, 0, w, h).data;
              var buf = d.buffer;
              return pool.call({ op: 'frame', width: w, height: h, rgba: buf }, [buf]);
            })
            .then(function (f) {
              frames.push({ frame: k, seconds: time, pdq: f.pdq, quality: f.quality });
            });
        });
        return chain;
      })
      .then(
        function () {
          URL.revokeObjectURL(url);
          return frames;
        },
        function (e) {
          URL.revokeObjectURL(url);
          throw e;
        }
      );
  }

  function hashOne(file, tr) {
    var video = (file.type || '').indexOf('video/') === 0 || VIDEO.test(file.name);
    var work;
    if (video) {
      work = Promise.all([pool.call({ op: 'digest', file: file }), videoFrames(file)]).then(
        function (r) {
          return { kind: 'video', md5: r[0].md5, sha256: r[0].sha256, vpdq: r[1] };
        }
      );
    } else {
      work = pool.call({ op: 'image', file: file });
    }
    return work.then(
      function (r) {
        finish(tr, file, r);
      },
      function (e) {
        fail(tr, e.message);
      }
    );
  }

  var queue = Promise.resolve();
  function add(files) {
    var list = Array.prototype.slice.call(files);
    if (list.length === 0) {
      return;
    }
    if (total === done) {
      started = performance.now();
    }
    total += list.length;
    var rows = list.map(row);
    showProgress();
    queue = queue
      .then(function () {
        return ready;
      })
      .then(function () {
        var images = [];
        var videos = [];
        list.forEach(function (f, i) {
          var isVideo = (f.type || '').indexOf('video/') === 0 || VIDEO.test(f.name);
          (isVideo ? videos : images).push(i);
        });
        var counted = function (i) {
          return hashOne(list[i], rows[i]).then(function () {
            done++;
            showProgress();
          });
        };
        var chain = Promise.all(images.map(counted));
        videos.forEach(function (i) {
          chain = chain.then(function () {
            return counted(i);
          });
        });
        return chain;
      })
      .catch(function (e) {
        status.textContent = t('Broken', e.message);
      });
  }

  function hashList() {
    return {
      format: 'redress/hash-list@1',
      created: new Date().toISOString(),
      tool: 'redress browser hasher',
      secondsPerFrame: SECONDS_PER_FRAME,
      items: results.slice(),
    };
  }

  document.getElementById('files').addEventListener('change', function (e) {
    add(e.target.files);
  });
  document.getElementById('folder').addEventListener('change', function (e) {
    add(e.target.files);
  });

  document.getElementById('download').addEventListener('click', function () {
    var blob = new Blob([JSON.stringify(hashList(), null, 1) + '\n'], {
      type: 'application/json',
    });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'hash-list.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
  });

  var addButton = document.getElementById('add-to-bank');
  if (addButton) {
    addButton.addEventListener('click', function () {
      var items = results.slice();
      var sums = { added: 0, duplicates: 0, low: 0 };
      var chain = Promise.resolve();
      for (var i = 0; i < items.length; i += 50) {
        (function (batch) {
          chain = chain.then(function () {
            var body = hashList();
            body.items = batch;
            return fetch(ds.bankUrl, {
              method: 'POST',
              credentials: 'same-origin',
              headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': ds.csrf },
              body: JSON.stringify(body),
            })
              .then(function (r) {
                if (!r.ok) {
                  throw new Error(String(r.status));
                }
                return r.json();
              })
              .then(function (r) {
                sums.added += r.added;
                sums.duplicates += r.duplicates;
                sums.low += r.low;
              });
          });
        })(items.slice(i, i + 50));
      }
      addButton.disabled = true;
      chain.then(
        function () {
          status.textContent = t('Added', sums.added, sums.duplicates);
          root.dataset.duplicates = String(sums.duplicates);
          root.dataset.low = String(sums.low);
          root.dataset.added = String(sums.added);
        },
        function (e) {
          status.textContent = t('AddFailed', e.message);
          addButton.disabled = false;
        }
      );
    });
  }

  // For tests and automation: hash given pixels, and read the results.
  window.redressHasher = {
    ready: ready,
    results: function () {
      return results.slice();
    },
    // Milliseconds per stage of each image hashed so far (for the benchmark).
    timings: function () {
      return timings.slice();
    },
    // The redress/hash-list@1 document the download button saves.
    hashList: hashList,
    // Whether the results come from the approximate JavaScript fallback.
    approximate: function () {
      return approximate;
    },
    // The pixels the exact JPEG path (ImageDecoder's planes) hands to PDQ for a chosen file, as
    // base64 of little-endian packed 0x00RRGGBB words, or null when that path does not apply.
    yuvSample: function (file) {
      return ready.then(function () {
        return pool.call({ op: 'yuvSample', file: file }).then(function (r) {
          if (!r) {
            return null;
          }
          var b = new Uint8Array(r.packed);
          var s = '';
          for (var i = 0; i < b.length; i += 8192) {
            s += String.fromCharCode.apply(null, b.subarray(i, i + 8192));
          }
          return { ow: r.ow, oh: r.oh, width: r.width, height: r.height, packed: btoa(s) };
        });
      });
    },
    hashPixels: function (width, height, base64, grey) {
      return ready.then(function () {
        var buf = base64Bytes(base64);
        return pool.call(
          { op: 'pixels', width: width, height: height, packed: buf, grey: grey },
          [buf]
        );
      });
    },
  };
  ready.then(
    function () {
      root.dataset.ready = 'true';
    },
    function (e) {
      root.dataset.ready = 'false';
      status.textContent = t('Broken', e.message);
    }
  );
  showProgress();
})();
