package org.redress.web.scan;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** One scan: what it reads, how far it got, how it ended. Thread-safe. */
public final class ScanJob {
  /** Where a scan is. */
  public enum State {
    QUEUED,
    COUNTING,
    RUNNING,
    DONE,
    PARTIAL,
    FAILED,
    CANCELLED;

    /** Whether the scan has ended. */
    public boolean terminal() {
      return this == DONE || this == PARTIAL || this == FAILED || this == CANCELLED;
    }

    /** The message key of the state. */
    public String key() {
      return "scan.state." + name().toLowerCase(Locale.ROOT);
    }
  }

  private final String caseId;
  private final String id;
  private final List<Path> paths;
  private final Instant started;
  private final AtomicLong checked = new AtomicLong();
  private volatile long total = -1;
  private volatile State state = State.QUEUED;
  private volatile String error;
  private volatile boolean cancelRequested;
  private volatile Future<?> future;

  ScanJob(String caseId, String id, List<Path> paths, Instant started) {
    this.caseId = caseId;
    this.id = id;
    this.paths = List.copyOf(paths);
    this.started = started;
  }

  public String caseId() {
    return caseId;
  }

  public String id() {
    return id;
  }

  public List<Path> paths() {
    return paths;
  }

  /** The inputs, one per line. */
  public String pathsText() {
    return String.join("\n", paths.stream().map(Path::toString).toList());
  }

  public Instant started() {
    return started;
  }

  /** When it started, in Beijing time, with the zone named by the caller's words. */
  public String startedBeijing() {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
        .format(started.atZone(ZoneId.of("Asia/Shanghai")));
  }

  public long checked() {
    return checked.get();
  }

  void checked(long n) {
    checked.set(n);
  }

  /** The media files to check, or -1 before they are counted. */
  public long total() {
    return total;
  }

  void total(long n) {
    total = n;
  }

  public State state() {
    return state;
  }

  void state(State s) {
    if (!state.terminal()) {
      state = s;
    }
  }

  /** Why it failed, or null. */
  public String error() {
    return error;
  }

  /** Percent done, 0..100. */
  public int percent() {
    long t = total;
    return t <= 0 ? 0 : (int) Math.min(100, checked.get() * 100 / t);
  }

  boolean cancelRequested() {
    return cancelRequested;
  }

  void future(Future<?> f) {
    this.future = f;
  }

  void cancel() {
    cancelRequested = true;
    Future<?> f = future;
    if (f != null) {
      f.cancel(true);
    }
    if (state == State.QUEUED) {
      state = State.CANCELLED;
    }
  }

  void finish(State s, String why) {
    state = s;
    error = why;
  }
}
