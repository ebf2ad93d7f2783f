/**
 * Hashing in her own browser: the {@code /hash} page and its worker over phash compiled to
 * WebAssembly (module {@code browserhash}), the hash list it sends to her bank, the violation
 * report endpoint, and the self-contained hasher file ({@link org.redress.web.hash.HasherPage}).
 */
package org.redress.web.hash;
