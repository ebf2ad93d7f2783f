package org.redress.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The result for one media file: its hashes' digests and every match, or why it could not be
 * hashed. {@code json} is the line {@code redress match --json} prints for the file. A Java bean so
 * that Spark can encode it.
 */
public final class ResultRow implements Serializable {
  private static final long serialVersionUID = 1L;

  private String path;
  private String source;
  private long size;
  private String kind;
  private String md5;
  private String sha256;
  private String pdq;
  private String error;
  private List<MatchRow> matches = new ArrayList<>();
  private List<MatchRow> suppressed = new ArrayList<>();
  private List<String> warnings = new ArrayList<>();
  private String json;

  /** For Spark's bean encoder. */
  public ResultRow() {}

  public String getPath() {
    return path;
  }

  public void setPath(String v) {
    this.path = v;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String v) {
    this.source = v;
  }

  public long getSize() {
    return size;
  }

  public void setSize(long v) {
    this.size = v;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String v) {
    this.kind = v;
  }

  public String getMd5() {
    return md5;
  }

  public void setMd5(String v) {
    this.md5 = v;
  }

  public String getSha256() {
    return sha256;
  }

  public void setSha256(String v) {
    this.sha256 = v;
  }

  public String getPdq() {
    return pdq;
  }

  public void setPdq(String v) {
    this.pdq = v;
  }

  public String getError() {
    return error;
  }

  public void setError(String v) {
    this.error = v;
  }

  public List<MatchRow> getMatches() {
    return matches;
  }

  public void setMatches(List<MatchRow> v) {
    this.matches = v;
  }

  public List<MatchRow> getSuppressed() {
    return suppressed;
  }

  public void setSuppressed(List<MatchRow> v) {
    this.suppressed = v;
  }

  public List<String> getWarnings() {
    return warnings;
  }

  public void setWarnings(List<String> v) {
    this.warnings = v;
  }

  public String getJson() {
    return json;
  }

  public void setJson(String v) {
    this.json = v;
  }
}
