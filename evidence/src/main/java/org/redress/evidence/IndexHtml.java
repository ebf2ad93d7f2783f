package org.redress.evidence;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The bilingual (Chinese first, English alongside) index.html of a package. */
final class IndexHtml {
  private IndexHtml() {}

  static String esc(@Nullable String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '&':
          b.append("&amp;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\'':
          b.append("&#39;");
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }

  static String render(
      String caseId,
      Checkpoint cp,
      String publicKey,
      List<Item> items,
      boolean withContent,
      String createdAt) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>电子证据包 / Evidence package — ")
        .append(esc(caseId))
        .append(
            "</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;}"
                + "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .5em;"
                + "font-size:90%}code{word-break:break-all}.en{color:#444}</style>\n</head>\n<body>\n");
    b.append("<h1>电子证据包 <span class=\"en\">Evidence package</span></h1>\n");
    b.append("<p>案件 <span class=\"en\">Case</span>: <code>")
        .append(esc(caseId))
        .append("</code><br>生成时间 <span class=\"en\">Created</span>: ")
        .append(esc(createdAt))
        .append("<br>日志 <span class=\"en\">Log</span>: <code>")
        .append(esc(cp.origin()))
        .append("</code><br>检查点大小 <span class=\"en\">Checkpoint size</span>: ")
        .append(cp.size())
        .append("<br>根哈希 <span class=\"en\">Root hash</span>: <code>")
        .append(cp.rootHex())
        .append("</code><br>公钥 <span class=\"en\">Public key</span>: <code>")
        .append(esc(publicKey))
        .append("</code></p>\n");
    b.append(
        "<h2>证据清单 <span class=\"en\">Items</span></h2>\n<table>\n<tr><th>编号 Item</th>"
            + "<th>文件名 File name</th><th>大小 Size</th><th>采集时间 Captured at (UTC)</th>"
            + "<th>来源 Source</th><th>SHA-256</th></tr>\n");
    for (Item it : items) {
      Metadata m = it.metadata();
      b.append("<tr><td>")
          .append(it.id())
          .append("</td><td>")
          .append(esc(m == null ? "" : m.fileName()))
          .append("</td><td>")
          .append(it.size())
          .append("</td><td>")
          .append(esc(m == null ? "" : m.capturedAt().toString()))
          .append("</td><td>")
          .append(esc(m == null ? "" : m.sourceKind()))
          .append("</td><td><code>")
          .append(it.sha256())
          .append("</code></td></tr>\n");
    }
    b.append("</table>\n");
    b.append("<h2>内容说明 <span class=\"en\">What this package holds</span></h2>\n<p>")
        .append(withContent ? "本包含有证据原件，已用接收人口令加密（Argon2id + AES-256-GCM）。" : "本包只含哈希值和元数据，不含证据原件。")
        .append("<br><span class=\"en\">")
        .append(
            withContent
                ? "This package holds the original files, encrypted to the recipient's passphrase "
                    + "(Argon2id + AES-256-GCM)."
                : "This package holds hash values and metadata only, not the files themselves.")
        .append("</span></p>\n");
    b.append("<h2>如何验证 <span class=\"en\">How to verify</span></h2>\n<ol>\n")
        .append(
            "<li>运行 <code>redress evidence verify 本文件.zip</code>（无需网络，无需 Redress "
                + "工作区）；全部检查通过时结果为 VERIFIED，退出码为 0。<br><span class=\"en\">Run "
                + "<code>redress evidence verify THIS.zip</code> (no network, no Redress workspace "
                + "needed); it prints every check and VERIFIED with exit code 0 only if all hold."
                + "</span></li>\n")
        .append(
            "<li>独立验证：按 docs/evidence-format.md 第8节，用 <code>public-key.txt</code> 的 "
                + "Ed25519 公钥验证 <code>checkpoint.txt</code> 的签名；对每个条目计算 "
                + "SHA-256(0x00‖leaf)，用 <code>proofs/</code> 中的包含证明（RFC 9162）重算根哈希，"
                + "应与检查点一致；元数据的 SHA-256 应等于叶子中的 meta 值；原件的 SHA-256 应等于叶子中的 "
                + "sha256 值。<br><span class=\"en\">Independently: following docs/evidence-format.md "
                + "§8, verify the Ed25519 signature on <code>checkpoint.txt</code> with "
                + "<code>public-key.txt</code>; for each entry compute SHA-256(0x00‖leaf) and, with "
                + "its inclusion proof in <code>proofs/</code> (RFC 9162), recompute the root, which "
                + "must equal the checkpoint's; the metadata's SHA-256 must equal the leaf's "
                + "<code>meta</code>; a file's SHA-256 must equal the leaf's <code>sha256</code>."
                + "</span></li>\n")
        .append(
            "<li>可信时间：<code>timestamps/</code> 中的 RFC 3161 时间戳令牌证明对应检查点"
                + "（及其包含的所有条目）不晚于令牌中的时间已存在；请核对时间戳机构证书是否可信。<br>"
                + "<span class=\"en\">Trusted time: the RFC 3161 tokens in <code>timestamps/</code> "
                + "prove that the stamped checkpoint, and every item in it, existed no later than the "
                + "token's time; check that you trust the time-stamping authority's certificate."
                + "</span></li>\n")
        .append(
            "<li>请将公钥与本工作区公开或另行交付的公钥比对。<br><span class=\"en\">Compare "
                + "the public key with the one published or handed over separately by the person "
                + "who kept this evidence.</span></li>\n</ol>\n");
    b.append(
        "<p>法律依据 <span class=\"en\">Legal basis</span>: 《最高人民法院关于互联网法院审理案件若干"
            + "问题的规定》第十一条；《最高人民法院关于民事诉讼证据的若干规定》第九十三条、第九十四条。"
            + "<br><span class=\"en\">SPC Provisions on Internet Courts Art 11; SPC Provisions on "
            + "Evidence in Civil Procedure Arts 93–94. These allow, but do not oblige, a court to "
            + "accept such proof.</span></p>\n</body>\n</html>\n");
    return b.toString();
  }
}
