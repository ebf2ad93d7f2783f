package org.redress.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import org.redress.sources.Post;

/**
 * Trade detection of the posts of one source, off the reading thread: the reader adds each post as
 * it reads it, posts are detected in batches on the scan's pool while the reader goes on, and the
 * results are handed to the aggregator in read order (so the first posts of a chat kept with their
 * text, the references and the counts are those of a serial scan, whatever the threads' timing).
 *
 * <p>At most {@code maxPending} batches wait; when one more is due, the reader takes the oldest
 * and, if no pool thread has started it, detects it itself (so a pool busy hashing never holds the
 * reader up for long, and the reader never idles while work is waiting). Used by the reader thread
 * only.
 */
final class TradeBatches {
  /** Posts per batch: about 10-30 ms of detection on this machine, small next to a scan. */
  static final int BATCH = 64;

  private record Read(Post post, long at) {}

  private record Batch(List<Read> posts, FutureTask<List<List<TradeLexicon.Detection>>> task) {}

  private final TradeDetector detector;
  private final Aggregator agg;
  private final Executor pool;
  private final int batchSize;
  private final int maxPending;
  private final ArrayDeque<Batch> pending = new ArrayDeque<>();
  private List<Read> filling = new ArrayList<>();

  /**
   * @param batchSize posts per batch
   * @param maxPending batches waiting at most (at least 1)
   */
  TradeBatches(
      TradeDetector detector, Aggregator agg, Executor pool, int batchSize, int maxPending) {
    if (batchSize < 1 || maxPending < 1) {
      throw new IllegalArgumentException(
          "batch size and pending batches must be >= 1, were " + batchSize + ", " + maxPending);
    }
    this.detector = detector;
    this.agg = agg;
    this.pool = pool;
    this.batchSize = batchSize;
    this.maxPending = maxPending;
  }

  /**
   * A post as it is read, counted by {@link Aggregator#post} ({@code at} is what it returned). A
   * service message or a post without text has no trade ad to find and is not queued.
   *
   * @throws InterruptedException when the reader is interrupted while it waits for a batch
   */
  void add(Post post, long at) throws InterruptedException {
    if (post.service() || post.text() == null || post.text().isBlank()) {
      return;
    }
    filling.add(new Read(post, at));
    if (filling.size() >= batchSize) {
      submit();
    }
  }

  /**
   * Detects what is left and hands every result to the aggregator; call once the source is read.
   *
   * @throws InterruptedException when the reader is interrupted while it waits for a batch
   */
  void finish() throws InterruptedException {
    if (!filling.isEmpty()) {
      submit();
    }
    while (!pending.isEmpty()) {
      applyOldest();
    }
  }

  private void submit() throws InterruptedException {
    List<Read> posts = filling;
    filling = new ArrayList<>(batchSize);
    FutureTask<List<List<TradeLexicon.Detection>>> task = new FutureTask<>(() -> detect(posts));
    while (pending.size() >= maxPending) {
      applyOldest();
    }
    pending.add(new Batch(posts, task));
    pool.execute(task);
    while (!pending.isEmpty() && pending.peek().task().isDone()) {
      applyOldest();
    }
  }

  private List<List<TradeLexicon.Detection>> detect(List<Read> posts) {
    List<List<TradeLexicon.Detection>> out = new ArrayList<>(posts.size());
    for (Read r : posts) {
      out.add(detector.detect(r.post().text()));
    }
    return out;
  }

  /** Waits for the oldest batch (detecting it here when no pool thread has started it). */
  private void applyOldest() throws InterruptedException {
    Batch b = pending.remove();
    b.task().run(); // does nothing when a pool thread has started or finished it
    List<List<TradeLexicon.Detection>> found;
    try {
      found = b.task().get();
    } catch (ExecutionException e) {
      Throwable t = e.getCause();
      if (t instanceof RuntimeException r) {
        throw r;
      }
      if (t instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("trade detection failed: " + t, t);
    }
    for (int i = 0; i < found.size(); i++) {
      Read r = b.posts().get(i);
      agg.trade(r.post(), r.at(), found.get(i));
    }
  }
}
