package org.redress.media;

import java.nio.file.Path;
import java.util.List;
import org.redress.phash.DihedralHashes;
import org.redress.phash.PdqResult;
import org.redress.phash.VpdqFrame;

/**
 * Everything Redress computes for one media file. Only hashes: never pixels.
 *
 * @param path the file as given
 * @param kind image or video
 * @param width pixels, after orientation is applied
 * @param height pixels, after orientation is applied
 * @param pdq the PDQ hash and quality (images; null for videos)
 * @param dihedral the eight variants when asked for (images), else null
 * @param vpdq the sampled frames (videos; null for images)
 * @param md5 lowercase hex MD5 of the file's bytes
 * @param sha256 lowercase hex SHA-256 of the file's bytes
 * @param size file size in bytes
 */
public record MediaHash(
    Path path,
    MediaKind kind,
    int width,
    int height,
    PdqResult pdq,
    DihedralHashes dihedral,
    List<VpdqFrame> vpdq,
    String md5,
    String sha256,
    long size) {
  public MediaHash {
    vpdq = vpdq == null ? null : List.copyOf(vpdq);
  }
}
