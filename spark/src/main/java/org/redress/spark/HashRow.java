package org.redress.spark;

import java.io.Serializable;

/**
 * What hashing one media file gave (a row of the Parquet hash cache): where it came from, the key
 * of its source (path, size, modification time), and its hashes or the reason it could not be
 * hashed. Only hashes and digests, never pixels. A Java bean so that Spark can encode it.
 *
 * <p>{@code dihedral} holds the eight PDQ variants in {@code Dihedral} order, comma-separated;
 * {@code vpdq} the frames as {@code number,hex,quality,seconds} joined by {@code ;}.
 */
public final class HashRow implements Serializable {
  private static final long serialVersionUID = 1L;

  private String source;
  private long sourceSize;
  private long sourceMtime;
  private long attempt;
  private String path;
  private long size;
  private String kind;
  private String pdq;
  private Integer quality;
  private String dihedral;
  private String vpdq;
  private String md5;
  private String sha256;
  private String error;

  /** For Spark's bean encoder. */
  public HashRow() {}

  static HashRow failed(FileRow f, long attempt, String path, String error) {
    HashRow r = of(f, attempt, path);
    r.size = -1;
    r.error = error;
    return r;
  }

  static HashRow of(FileRow f, long attempt, String path) {
    HashRow r = new HashRow();
    r.source = f.getSource();
    r.sourceSize = f.getSourceSize();
    r.sourceMtime = f.getSourceMtime();
    r.attempt = attempt;
    r.path = path;
    return r;
  }

  /** The listed file this row came from (the archive for a ZIP entry). */
  public String getSource() {
    return source;
  }

  public void setSource(String v) {
    this.source = v;
  }

  /** The source's size when it was hashed. */
  public long getSourceSize() {
    return sourceSize;
  }

  public void setSourceSize(long v) {
    this.sourceSize = v;
  }

  /** The source's modification time when it was hashed, epoch milliseconds. */
  public long getSourceMtime() {
    return sourceMtime;
  }

  public void setSourceMtime(long v) {
    this.sourceMtime = v;
  }

  /** The run that hashed it (epoch milliseconds of its start): the latest attempt counts. */
  public long getAttempt() {
    return attempt;
  }

  public void setAttempt(long v) {
    this.attempt = v;
  }

  /** The media file: the source itself, or {@code archive!/entry} inside a ZIP archive. */
  public String getPath() {
    return path;
  }

  public void setPath(String v) {
    this.path = v;
  }

  /** Bytes hashed, or -1 when hashing failed. */
  public long getSize() {
    return size;
  }

  public void setSize(long v) {
    this.size = v;
  }

  /** {@code IMAGE} or {@code VIDEO}, or null when hashing failed. */
  public String getKind() {
    return kind;
  }

  public void setKind(String v) {
    this.kind = v;
  }

  /** PDQ hex (images). */
  public String getPdq() {
    return pdq;
  }

  public void setPdq(String v) {
    this.pdq = v;
  }

  /** PDQ quality (images). */
  public Integer getQuality() {
    return quality;
  }

  public void setQuality(Integer v) {
    this.quality = v;
  }

  /** The eight dihedral PDQ variants (images, when asked for). */
  public String getDihedral() {
    return dihedral;
  }

  public void setDihedral(String v) {
    this.dihedral = v;
  }

  /** vPDQ frames (videos). */
  public String getVpdq() {
    return vpdq;
  }

  public void setVpdq(String v) {
    this.vpdq = v;
  }

  /** Lowercase hex MD5 of the bytes. */
  public String getMd5() {
    return md5;
  }

  public void setMd5(String v) {
    this.md5 = v;
  }

  /** Lowercase hex SHA-256 of the bytes. */
  public String getSha256() {
    return sha256;
  }

  public void setSha256(String v) {
    this.sha256 = v;
  }

  /** Why the file could not be hashed, or null. */
  public String getError() {
    return error;
  }

  public void setError(String v) {
    this.error = v;
  }
}
