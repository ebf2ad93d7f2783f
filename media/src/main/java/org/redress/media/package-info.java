/**
 * Media files to hashes: {@link org.redress.media.MediaHasher} recognises a file by its content,
 * decodes images (ImageIO with the TwelveMonkeys JPEG and WebP plugins; HEIF and video through
 * FFmpeg) the way the PDQ reference's decoder sees them, applies EXIF orientation unless told not
 * to, and returns PDQ or vPDQ hashes with the file's MD5 and SHA-256 as a {@link
 * org.redress.media.MediaHash}. Failures are {@link org.redress.media.MediaException}s naming the
 * file and a one-line reason. The decoding path and every known difference from the reference are
 * described in {@code docs/hashing.md}.
 */
package org.redress.media;
