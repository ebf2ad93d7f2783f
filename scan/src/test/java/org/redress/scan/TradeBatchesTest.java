package org.redress.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.redress.sources.Chat;
import org.redress.sources.Post;
import org.redress.sources.PostDate;

class TradeBatchesTest {
  private static final Chat CHAT = new Chat(42, "测试群", "private_group", "ChatExport_1");
  private static final TradeDetector DETECTOR = TradeDetector.builtIn();

  /** Ads of each kind, chatter, a warning, service messages and empty posts, in a fixed mix. */
  private static List<Post> posts(int n) {
    String[] texts = {
      "针孔摄像机 烟雾报警器款 包邮 %d",
      "今天天气不错，晚上一起吃饭吗 %d",
      "听话水 无色无味 私聊 %d",
      "偷拍教程 手把手教学 包会 vx: shop%d",
      "Sleep well, see you tomorrow %d",
      "警惕！有人在群里卖针孔摄像头，已报警 %d",
      "",
      "hidden camera charger, DM me, $%d",
    };
    List<Post> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String text = String.format(java.util.Locale.ROOT, texts[i % texts.length], i);
      String type = i % 13 == 12 ? "service" : "message";
      out.add(
          new Post(
              CHAT,
              i + 1,
              type,
              "",
              PostDate.unknown(),
              "shop",
              "user1",
              false,
              "",
              "",
              text,
              List.of(),
              List.of(),
              0));
    }
    return out;
  }

  /** What a serial scan keeps: every post detected on the reader, in read order. */
  private static Aggregator serial(List<Post> posts) {
    Aggregator agg = new Aggregator(10);
    for (Post p : posts) {
      agg.trade(p, agg.post(p), DETECTOR.detect(p.text()));
      agg.nextSeq();
    }
    return agg;
  }

  private static Aggregator batched(List<Post> posts, Executor pool, int batch, int pending)
      throws InterruptedException {
    Aggregator agg = new Aggregator(10);
    TradeBatches b = new TradeBatches(DETECTOR, agg, pool, batch, pending);
    for (Post p : posts) {
      b.add(p, agg.post(p));
      agg.nextSeq();
    }
    b.finish();
    return agg;
  }

  private static void assertSame(Aggregator got, Aggregator want) {
    assertThat(want.adPosts()).isGreaterThan(Aggregator.TRADE_PER_CHAT);
    assertThat(got.trade()).isEqualTo(want.trade());
    assertThat(got.adPosts()).isEqualTo(want.adPosts());
    assertThat(got.adsByCategory()).isEqualTo(want.adsByCategory());
    assertThat(got.adRefs()).isEqualTo(want.adRefs());
    assertThat(got.chats().get(0).adPosts).isEqualTo(want.chats().get(0).adPosts);
    assertThat(got.chats().get(0).adsByCategory).isEqualTo(want.chats().get(0).adsByCategory);
  }

  @Test
  void finish_poolNeverRunsATask_readerDetectsEveryBatchInReadOrder() throws Exception {
    List<Post> posts = posts(300);
    List<Runnable> dropped = new ArrayList<>();
    assertSame(batched(posts, dropped::add, 8, 3), serial(posts));
    assertThat(dropped).hasSizeGreaterThan(30);
  }

  @Test
  void finish_batchesFinishNewestFirst_resultsStillTakenInReadOrder() throws Exception {
    List<Post> posts = posts(300);
    Deque<Runnable> held = new ArrayDeque<>();
    Executor newestFirst =
        task -> {
          held.push(task);
          if (held.size() == 2) {
            held.pop().run();
            held.pop().run();
          }
        };
    assertSame(batched(posts, newestFirst, 5, 4), serial(posts));
  }

  @Test
  void finish_fourPoolThreads_sameAsSerial() throws Exception {
    List<Post> posts = posts(400);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      assertSame(batched(posts, pool, TradeBatches.BATCH, 8), serial(posts));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void add_poolRefusesABatch_failureReachesTheReader() {
    Aggregator agg = new Aggregator(10);
    TradeBatches b =
        new TradeBatches(
            DETECTOR,
            agg,
            task -> {
              throw new IllegalStateException("pool refused");
            },
            4,
            1);
    assertThatThrownBy(
            () -> {
              for (Post p : posts(8)) {
                b.add(p, agg.post(p));
              }
              b.finish();
            })
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("pool refused");
  }

  @Test
  void constructor_zeroBatch_refusedNamingTheValue() {
    assertThatThrownBy(() -> new TradeBatches(DETECTOR, new Aggregator(1), Runnable::run, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("were 0, 1");
  }
}
