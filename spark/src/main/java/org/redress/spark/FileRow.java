package org.redress.spark;

import java.io.Serializable;

/**
 * One listed input: a file on a Hadoop file system (a ZIP archive counts as one), with the size and
 * modification time that key the hash cache. A Java bean so that Spark can encode it.
 */
public final class FileRow implements Serializable {
  private static final long serialVersionUID = 1L;

  private String source;
  private long sourceSize;
  private long sourceMtime;

  /** For Spark's bean encoder. */
  public FileRow() {}

  FileRow(String source, long size, long mtime) {
    this.source = source;
    this.sourceSize = size;
    this.sourceMtime = mtime;
  }

  /** The file's fully qualified Hadoop path ({@code file:/…}, {@code hdfs://…}). */
  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  /** Size in bytes as listed. */
  public long getSourceSize() {
    return sourceSize;
  }

  public void setSourceSize(long sourceSize) {
    this.sourceSize = sourceSize;
  }

  /** Modification time as listed, epoch milliseconds. */
  public long getSourceMtime() {
    return sourceMtime;
  }

  public void setSourceMtime(long sourceMtime) {
    this.sourceMtime = sourceMtime;
  }
}
