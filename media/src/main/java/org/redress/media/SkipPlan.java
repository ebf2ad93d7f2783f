package org.redress.media;

import java.util.Arrays;

/**
 * Which packets of an H.264 video must reach the decoder so that every sampled frame comes out with
 * the same pixels and the same number as when every packet is decoded (issue 21.3).
 *
 * <p>Implementation notes. The vPDQ reference numbers frames in the order the decoder returns them,
 * which is presentation order: the {@code n}-th frame out is the packet with the {@code n}-th
 * smallest presentation time. So with every packet's time known from the container's index, a
 * frame's number is the rank of its time, whether or not the other packets were decoded. A packet
 * may be left out when its frame is not sampled and no sampled frame depends on it:
 *
 * <ol>
 *   <li>it is a non-reference picture ({@code nal_ref_idc = 0} in every slice; ITU-T H.264 §7.4.1:
 *       "nal_ref_idc equal to 0 ... not used for inter prediction"), or
 *   <li>it comes, in decoding order, after the last sampled packet before the next IDR picture
 *       (§8.2.1: an IDR picture makes every earlier picture unused for reference, and no picture
 *       after an IDR precedes it in output order).
 * </ol>
 *
 * The plan is only made when it can be checked: the stream starts with an IDR picture, every packet
 * has a distinct presentation time, and the length-prefixed (MP4/Matroska) form is used. While
 * decoding, frames must come out in strictly increasing rank with no decoding error and every
 * sampled rank must appear; otherwise the caller decodes every packet again ({@link Failed}). At
 * one frame per second of a 30 fps video the plan leaves out the B-pictures and the tail of each
 * group of pictures after its last sampled frame.
 */
final class SkipPlan {
  /** Thrown while decoding with a plan when its assumptions did not hold: decode everything. */
  static final class Failed extends Exception {
    private static final long serialVersionUID = 1L;

    Failed(String why) {
      super(why, null, false, false);
    }
  }

  private final long[] sortedPts;
  private final boolean[] skip;
  private final int interval;

  private SkipPlan(long[] sortedPts, boolean[] skip, int interval) {
    this.sortedPts = sortedPts;
    this.skip = skip;
    this.interval = interval;
  }

  /**
   * Makes the plan from every packet of the stream in decoding order, or returns {@code null} when
   * nothing can be left out safely.
   *
   * @param pts presentation time of each packet ({@code Long.MIN_VALUE}: unknown)
   * @param idr whether each packet is an IDR picture
   * @param nonRef whether each packet is a non-reference picture
   * @param interval every {@code interval}-th frame in output order is sampled
   */
  static SkipPlan of(long[] pts, boolean[] idr, boolean[] nonRef, int interval) {
    int n = pts.length;
    if (interval <= 1 || n == 0 || !idr[0]) {
      return null;
    }
    long[] sorted = pts.clone();
    Arrays.sort(sorted);
    for (int i = 0; i < n; i++) {
      if (sorted[i] == Long.MIN_VALUE || (i > 0 && sorted[i] == sorted[i - 1])) {
        return null;
      }
    }
    boolean[] needed = new boolean[n];
    for (int i = 0; i < n; i++) {
      needed[i] = Arrays.binarySearch(sorted, pts[i]) % interval == 0;
    }
    boolean[] skip = new boolean[n];
    int skipped = 0;
    int segmentStart = 0;
    while (segmentStart < n) {
      int segmentEnd = segmentStart + 1;
      while (segmentEnd < n && !idr[segmentEnd]) {
        segmentEnd++;
      }
      int lastNeeded = -1;
      for (int i = segmentStart; i < segmentEnd; i++) {
        if (needed[i]) {
          lastNeeded = i;
        }
      }
      for (int i = segmentStart; i < segmentEnd; i++) {
        skip[i] = !needed[i] && (nonRef[i] || i > lastNeeded);
        skipped += skip[i] ? 1 : 0;
      }
      segmentStart = segmentEnd;
    }
    return skipped == 0 ? null : new SkipPlan(sorted, skip, interval);
  }

  /** Number of packets in the stream. */
  int packets() {
    return skip.length;
  }

  /** Whether the {@code index}-th packet (decoding order) is left out. */
  boolean skip(int index) {
    return index < skip.length && skip[index];
  }

  /** The frame number of the frame with presentation time {@code pts}, or -1 if none has it. */
  int frameNumber(long pts) {
    int r = Arrays.binarySearch(sortedPts, pts);
    return r < 0 ? -1 : r;
  }

  /** Whether frame {@code number} is sampled. */
  boolean sampled(int number) {
    return number % interval == 0;
  }

  /** How many frames are sampled. */
  int sampledFrames() {
    return (skip.length + interval - 1) / interval;
  }

  /** How many packets are left out. */
  int skipped() {
    int s = 0;
    for (boolean b : skip) {
      s += b ? 1 : 0;
    }
    return s;
  }
}
