/**
 * phash for the browser: {@link org.redress.browserhash.BrowserHash} is what a Web Worker calls,
 * and the build compiles it with TeaVM (WebAssembly GC target) into {@code phash.wasm}, a resource
 * of this module's jar that the web module serves and inlines into the self-contained hasher page.
 */
package org.redress.browserhash;
