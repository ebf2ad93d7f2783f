package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MerkleTest {
  private static final HexFormat HEX = HexFormat.of();

  static List<byte[]> leaves(int n) {
    List<byte[]> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(("leaf " + i).getBytes(StandardCharsets.UTF_8));
    }
    return l;
  }

  static MerkleTree tree(List<byte[]> leaves) {
    MerkleTree t = new MerkleTree();
    for (byte[] l : leaves) {
      t.appendLeafHash(Merkle.leafHash(l));
    }
    return t;
  }

  @Test
  void emptyRoot_isRfc6962EmptyTreeHash() {
    // RFC 6962 §2.1: MTH({}) = SHA-256(), the well-known e3b0c442… digest.
    assertThat(HEX.formatHex(new MerkleTree().root()))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void leafHash_emptyLeaf_matchesCtKnownAnswer() {
    // SHA-256(0x00): the leaf hash of the empty string, as in the certificate-transparency-go
    // and transparency-dev test vectors.
    assertThat(HEX.formatHex(Merkle.leafHash(new byte[0])))
        .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
  }

  @Test
  void root_rfc6962TestVectorTree_matchesPublishedRoots() {
    // The eight-leaf tree used by RFC 6962 implementations' tests (certificate-transparency
    // merkle_tree_test.cc): leaves "", 00, 10, 2021, 3031, 40414243, 5051525354555657,
    // 606162636465666768696a6b6c6d6e6f; roots published there for sizes 1..8.
    String[] data = {
      "",
      "00",
      "10",
      "2021",
      "3031",
      "40414243",
      "5051525354555657",
      "606162636465666768696a6b6c6d6e6f"
    };
    String[] roots = {
      "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
      "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
      "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
      "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
      "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
      "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    };
    MerkleTree t = new MerkleTree();
    for (int i = 0; i < data.length; i++) {
      t.appendLeafHash(Merkle.leafHash(HEX.parseHex(data[i])));
      assertThat(HEX.formatHex(t.root())).as("size %d", i + 1).isEqualTo(roots[i]);
    }
  }

  @Property(tries = 60)
  void fastTree_anySize_matchesNaiveOracle(
      @ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll @IntRange(min = 0, max = 299) int m0,
      @ForAll @IntRange(min = 1, max = 300) int s0) {
    List<byte[]> d = leaves(n);
    MerkleTree t = tree(d);
    int size = 1 + (s0 - 1) % n;
    int m = m0 % size;
    assertThat(t.root(size)).isEqualTo(NaiveMerkle.mth(d.subList(0, size)));
    assertThat(t.inclusionProof(m, size))
        .containsExactlyElementsOf(NaiveMerkle.path(m, d.subList(0, size)));
    int first = 1 + m0 % size;
    assertThat(t.consistencyProof(first, size))
        .containsExactlyElementsOf(NaiveMerkle.proof(first, d.subList(0, size)));
  }

  @Property(tries = 60)
  void verifyInclusion_oracleProof_holdsAndAnyBitFlipFails(
      @ForAll @IntRange(min = 1, max = 200) int n,
      @ForAll @IntRange(min = 0, max = 199) int m0,
      @ForAll @IntRange(min = 0, max = 10_000) int flip)
      throws Failure {
    List<byte[]> d = leaves(n);
    int m = m0 % n;
    List<byte[]> proof = NaiveMerkle.path(m, d);
    byte[] root = NaiveMerkle.mth(d);
    byte[] leafHash = NaiveMerkle.sha((byte) 0, d.get(m));
    Merkle.verifyInclusion(m, n, leafHash, proof, root);
    Assume.that(!proof.isEmpty());
    List<byte[]> bad = new ArrayList<>();
    for (byte[] p : proof) {
      bad.add(p.clone());
    }
    byte[] victim = bad.get(flip % bad.size());
    victim[(flip / bad.size()) % 32] ^= 1;
    assertThatThrownBy(() -> Merkle.verifyInclusion(m, n, leafHash, bad, root))
        .isInstanceOf(Failure.class)
        .hasMessage("inclusion proof does not reproduce the checkpoint root");
  }

  @Property(tries = 60)
  void verifyConsistency_oracleProof_holdsAndWrongRootFails(
      @ForAll @IntRange(min = 1, max = 200) int n, @ForAll @IntRange(min = 1, max = 200) int m0)
      throws Failure {
    List<byte[]> d = leaves(n);
    int m = 1 + (m0 - 1) % n;
    List<byte[]> proof = NaiveMerkle.proof(m, d);
    byte[] rootM = NaiveMerkle.mth(d.subList(0, m));
    byte[] rootN = NaiveMerkle.mth(d);
    Merkle.verifyConsistency(m, n, rootM, rootN, proof);
    Assume.that(m < n);
    byte[] wrong = NaiveMerkle.mth(leaves(n + 1));
    assertThatThrownBy(() -> Merkle.verifyConsistency(m, n, rootM, wrong, proof))
        .isInstanceOf(Failure.class)
        .hasMessage("consistency proof does not reproduce the newer root");
  }

  @Test
  void verifyInclusion_truncatedProof_namesLengths() {
    List<byte[]> d = leaves(8);
    List<byte[]> proof = NaiveMerkle.path(3, d);
    assertThatThrownBy(
            () ->
                Merkle.verifyInclusion(
                    3, 8, Merkle.leafHash(d.get(3)), proof.subList(0, 2), NaiveMerkle.mth(d)))
        .hasMessage("inclusion proof has 2 hashes, expected 3");
  }

  @Test
  void verifyInclusion_indexOutsideTree_fails() {
    assertThatThrownBy(() -> Merkle.verifyInclusion(8, 8, new byte[32], List.of(), new byte[32]))
        .hasMessage("leaf index 8 is outside the tree of size 8");
  }

  @Test
  void verifyConsistency_fromZero_isUndefined() {
    assertThatThrownBy(() -> Merkle.verifyConsistency(0, 4, new byte[32], new byte[32], List.of()))
        .hasMessage("no consistency proof from size 0 to size 4");
  }

  @Test
  void largeTree_proofsOfLastLeaf_matchOracleAtSize1025() throws Failure {
    List<byte[]> d = leaves(1025);
    MerkleTree t = tree(d);
    assertThat(t.inclusionProof(1024, 1025)).containsExactlyElementsOf(NaiveMerkle.path(1024, d));
    Merkle.verifyInclusion(
        1024, 1025, Merkle.leafHash(d.get(1024)), t.inclusionProof(1024, 1025), t.root());
    Merkle.verifyConsistency(1024, 1025, t.root(1024), t.root(), t.consistencyProof(1024, 1025));
  }
}
