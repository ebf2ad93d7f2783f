package org.redress.sources;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Run in a separate JVM with a small heap by {@link StreamingTest}: reads an export and prints
 * {@code posts=N media=N unchecked=N partial=B peak_heap_mib=N}.
 */
public final class StreamingProbe {
  private StreamingProbe() {}

  public static void main(String[] args) throws Exception {
    long[] texts = {0};
    ReadSummary s;
    try (Source source = Source.open(Path.of(args[0]))) {
      s = source.read(i -> texts[0] += ((Post) i).text().length());
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println(
        String.format(
            Locale.ROOT,
            "posts=%d chats=%d available=%d unchecked=%d partial=%b text_chars=%d peak_heap_mib=%d",
            s.posts(),
            s.chats(),
            s.mediaAvailable(),
            s.uncheckedTotal(),
            s.partial(),
            texts[0],
            peak >> 20));
  }
}
