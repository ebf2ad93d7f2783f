package org.redress.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The open-addressing map against a HashMap of the same keys (the oracle). */
class LongKeysTest {
  @Test
  void putIfAbsent_manyKeysWithRepeats_agreesWithHashMap() {
    for (int arity : new int[] {2, 4}) {
      Random rnd = new Random(arity);
      // Sized for 10 keys, given 50,000: grows on the way.
      LongKeys map = new LongKeys(arity, 10);
      Map<List<Long>, Integer> oracle = new HashMap<>();
      long[][] keys = new long[20_000][];
      for (int i = 0; i < keys.length; i++) {
        // Few distinct values per word, so keys differ in one word only.
        keys[i] = new long[] {rnd.nextInt(30), rnd.nextInt(30), rnd.nextInt(30), rnd.nextInt(30)};
        if (arity == 2) {
          keys[i][2] = 0;
          keys[i][3] = 0;
        }
      }
      for (int n = 0; n < 50_000; n++) {
        long[] k = keys[rnd.nextInt(keys.length)];
        List<Long> key = List.of(k[0], k[1], k[2], k[3]);
        Integer want = oracle.putIfAbsent(key, oracle.size());
        int got =
            arity == 2
                ? map.putIfAbsent(k[0], k[1], oracle.size() - (want == null ? 1 : 0))
                : map.putIfAbsent(k[0], k[1], k[2], k[3], oracle.size() - (want == null ? 1 : 0));
        assertThat(got).isEqualTo(want == null ? LongKeys.ABSENT : want);
      }
      assertThat(map.size()).isEqualTo(oracle.size());
    }
  }
}
