package org.redress.spark;

import java.io.Serializable;

/**
 * One match of a file against a bank item, with the fields of {@code redress match --json} ({@code
 * allowId} and {@code allowLabel} only for a suppressed match). A Java bean so that Spark can
 * encode it.
 */
public final class MatchRow implements Serializable {
  private static final long serialVersionUID = 1L;

  private String bank;
  private long item;
  private String label;
  private String signal;
  private int distance;
  private Double queryPercent;
  private Double comparedPercent;
  private String transform;
  private Long allowId;
  private String allowLabel;

  /** For Spark's bean encoder. */
  public MatchRow() {}

  public String getBank() {
    return bank;
  }

  public void setBank(String v) {
    this.bank = v;
  }

  public long getItem() {
    return item;
  }

  public void setItem(long v) {
    this.item = v;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String v) {
    this.label = v;
  }

  public String getSignal() {
    return signal;
  }

  public void setSignal(String v) {
    this.signal = v;
  }

  public int getDistance() {
    return distance;
  }

  public void setDistance(int v) {
    this.distance = v;
  }

  /** vPDQ only: share of the query's unique frames that matched (0..100, 4 decimals). */
  public Double getQueryPercent() {
    return queryPercent;
  }

  public void setQueryPercent(Double v) {
    this.queryPercent = v;
  }

  /** vPDQ only: share of the item's unique frames that matched (0..100, 4 decimals). */
  public Double getComparedPercent() {
    return comparedPercent;
  }

  public void setComparedPercent(Double v) {
    this.comparedPercent = v;
  }

  /** With dihedral matching: the reference name of the transform that matched. */
  public String getTransform() {
    return transform;
  }

  public void setTransform(String v) {
    this.transform = v;
  }

  /** Suppressed matches: the allow entry's id. */
  public Long getAllowId() {
    return allowId;
  }

  public void setAllowId(Long v) {
    this.allowId = v;
  }

  /** Suppressed matches: the allow entry's label. */
  public String getAllowLabel() {
    return allowLabel;
  }

  public void setAllowLabel(String v) {
    this.allowLabel = v;
  }
}
