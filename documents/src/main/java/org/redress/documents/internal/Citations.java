package org.redress.documents.internal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redress.documents.Lang;
import org.redress.lawcn.ChineseLaw;

/**
 * Turns the provision IDs of {@code shared/law/cn-law-reference.md} (e.g. {@code CN-CL-246}, {@code
 * CN-PSAPL-2025-50}, {@code CN-SPC-2004-11-1}) into citations: 《中华人民共和国刑法》第二百四十六条 / "Criminal Law
 * of the PRC, Art 246". Instrument titles and document numbers are used only as far as the
 * reference confirms them; where it confirms a number only from secondary sources the citation
 * carries {@link Status#SECONDARY} so documents can say so in their notes.
 */
public final class Citations {
  /** How well the reference confirms the instrument's title and number. */
  public enum Status {
    /** Read in the statute text (mirror). */
    CONFIRMED,
    /** Read only in secondary sources; to be re-verified against the official text. */
    SECONDARY
  }

  /** A citation in both languages. */
  public record Citation(String id, String zh, String en, Status status) {
    /** The citation in a language. */
    public String get(Lang lang) {
      return lang == Lang.ZH ? zh : en;
    }
  }

  private record Instrument(Pattern id, String zh, String en, Status status, boolean articles) {}

  private static final String OBSCENE =
      "最高人民法院、最高人民检察院关于办理利用互联网、移动通讯终端、声讯台制作、复制、出版、贩卖、" + "传播淫秽电子信息刑事案件具体应用法律若干问题的解释";

  private static final List<Instrument> INSTRUMENTS =
      List.of(
          inst("CN-CL-", "《中华人民共和国刑法》", "Criminal Law of the PRC", Status.CONFIRMED),
          inst("CN-CC-", "《中华人民共和国民法典》", "Civil Code of the PRC", Status.CONFIRMED),
          inst(
              "CN-CPL-2018-",
              "《中华人民共和国刑事诉讼法》",
              "Criminal Procedure Law of the PRC",
              Status.CONFIRMED),
          inst(
              "CN-PSAPL-2012-",
              "《中华人民共和国治安管理处罚法》（2012年修正）",
              "Public Security Administration Punishments Law (2012 text)",
              Status.CONFIRMED),
          inst(
              "CN-PSAPL-2025-",
              "《中华人民共和国治安管理处罚法》（2025年修订）",
              "Public Security Administration Punishments Law (2025 revision)",
              Status.CONFIRMED),
          inst(
              "CN-WRL-2022-",
              "《中华人民共和国妇女权益保障法》",
              "Law on the Protection of Women's Rights and Interests",
              Status.CONFIRMED),
          inst(
              "CN-PIPL-",
              "《中华人民共和国个人信息保护法》",
              "Personal Information Protection Law",
              Status.CONFIRMED),
          inst(
              "CN-SPC-2004-11-",
              "《" + OBSCENE + "》（法释〔2004〕11号）",
              "SPC/SPP Interpretation on obscene electronic information (Fa Shi [2004] No. 11)",
              Status.SECONDARY),
          inst(
              "CN-SPC-2010-3-",
              "《" + OBSCENE + "（二）》（法释〔2010〕3号）",
              "SPC/SPP Interpretation on obscene electronic information (II) (Fa Shi [2010] No. 3)",
              Status.SECONDARY),
          inst(
              "CN-SPC-2019-15-",
              "最高人民法院、最高人民检察院法释〔2019〕15号",
              "SPC/SPP Interpretation Fa Shi [2019] No. 15 (information networks)",
              Status.CONFIRMED),
          inst(
              "CN-SPC-2013-21-",
              "最高人民法院、最高人民检察院法释〔2013〕21号",
              "SPC/SPP Interpretation Fa Shi [2013] No. 21 (online defamation)",
              Status.SECONDARY),
          inst(
              "CN-SPC-2023-MINOR-",
              "《最高人民法院、最高人民检察院关于办理强奸、猥亵未成年人刑事案件适用法律若干问题的解释》",
              "SPC/SPP Interpretation on rape and indecency against minors (2023)",
              Status.CONFIRMED),
          inst(
              "CN-SPC-2018-16-",
              "《最高人民法院关于互联网法院审理案件若干问题的规定》（法释〔2018〕16号）",
              "SPC Provisions on Internet Courts (Fa Shi [2018] No. 16)",
              Status.CONFIRMED),
          inst(
              "CN-SPC-2019-19-",
              "《最高人民法院关于民事诉讼证据的若干规定》（法释〔2019〕19号）",
              "SPC Provisions on Evidence in Civil Procedure (Fa Shi [2019] No. 19)",
              Status.CONFIRMED),
          inst(
              "CN-SPC-NET-",
              "《最高人民法院关于审理利用信息网络侵害人身权益民事纠纷案件适用法律若干问题的规定》",
              "SPC Provisions on civil disputes over online infringement of personal rights",
              Status.CONFIRMED),
          inst(
              "CN-OPN-2023-NV-",
              "最高人民法院、最高人民检察院、公安部《关于依法惩治网络暴力违法犯罪的指导意见》",
              "SPC/SPP/MPS Guiding Opinion on punishing online violence (2023)",
              Status.SECONDARY),
          new Instrument(
              Pattern.compile("CN-SAIC-2014-72"),
              "《禁止非法生产销售使用窃听窃照专用器材和\u201c伪基站\u201d设备的规定》",
              "Provisions prohibiting covert listening and photography devices "
                  + "(Order No. 72, 2014)",
              Status.SECONDARY,
              false),
          new Instrument(
              Pattern.compile("CN-CAC-12377"),
              "中央网信办（国家互联网信息办公室）违法和不良信息举报中心（12377）",
              "CAC Illegal and Harmful Information Reporting Centre (12377)",
              Status.SECONDARY,
              false));

  /**
   * English instruments named in full at their first citation in a paper and by a short name after
   * it, longest first (the Criminal Procedure Law before the Criminal Law).
   */
  private static final List<List<String>> SHORT_EN =
      List.of(
          List.of("Criminal Procedure Law of the PRC", "Criminal Procedure Law"),
          List.of("Civil Code of the PRC", "Civil Code"),
          List.of("Criminal Law of the PRC", "Criminal Law"),
          List.of(
              "SPC Provisions on Evidence in Civil Procedure (Fa Shi [2019] No. 19)",
              "SPC Evidence Provisions"));

  private static final String ART = "\\d+(?:-\\d+|\\(\\d+\\))?";

  /**
   * An English paper's citations as a lawyer writes them: each instrument in full at its first
   * citation, by its short name after it ("Civil Code, Art 1165"), and a run of articles of one
   * instrument as one citation ("Civil Code, Arts 1179 and 1182"). In Chinese, a run of articles of
   * one instrument names it once: 《中华人民共和国民法典》第一千零三十三条、第一千零一十九条 (the full name is kept at each run:
   * Chinese filings do not abbreviate a law without saying so).
   */
  public static String shortenRepeats(String text, Lang lang) {
    if (lang == Lang.ZH) {
      return mergeRunsZh(text);
    }
    String out = text;
    for (List<String> names : SHORT_EN) {
      String full = names.get(0);
      String brief = names.get(1);
      int first = out.indexOf(full);
      if (first < 0) {
        continue;
      }
      int after = first + full.length();
      out = out.substring(0, after) + out.substring(after).replace(full, brief);
      out = mergeRuns(out, full, brief);
    }
    return out;
  }

  private static final String ART_ZH =
      "第[零一二三四五六七八九十百千]+条(?:之[一二三四五六七八九十]+)?(?:第[零一二三四五六七八九十]+款)?" + "(?:第（[零一二三四五六七八九十]+）项)?";

  private static final Pattern RUN_ZH =
      Pattern.compile(
          "(?<inst>《[^》]{1,80}》(?:（[^）]{1,20}）)?)(?<arts>"
              + ART_ZH
              + "(?:[、和]"
              + ART_ZH
              + ")*)(?<sep>[、和])\\k<inst>(?=第)");

  /** 《X》第一条、《X》第二条 as 《X》第一条、第二条 (the same instrument, the same version). */
  private static String mergeRunsZh(String text) {
    String out = text;
    for (int i = 0; i < 100; i++) {
      String next = RUN_ZH.matcher(out).replaceAll("${inst}${arts}${sep}");
      if (next.equals(out)) {
        return out;
      }
      out = next;
    }
    return out;
  }

  /** "X, Art 1, X, Art 2 and X, Art 3" as "X, Arts 1, 2 and 3" (X full or short, then short). */
  private static String mergeRuns(String text, String full, String brief) {
    String head = "(" + Pattern.quote(full) + "|" + Pattern.quote(brief) + "), Art (" + ART + ")";
    String link = "(?:, | and )" + Pattern.quote(brief) + ", Art " + ART;
    Matcher m = Pattern.compile(head + "((?:" + link + ")+)").matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String tail = m.group(3).replace(brief + ", Art ", "");
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + ", Arts " + m.group(2) + tail));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static Instrument inst(String prefix, String zh, String en, Status status) {
    return new Instrument(
        Pattern.compile(Pattern.quote(prefix) + "(\\d{1,4})(?:-(\\d{1,2}))?"),
        zh,
        en,
        status,
        true);
  }

  private Citations() {}

  /**
   * The citation for a provision ID, or empty when the ID is not one the reference uses. The law-cn
   * data's citation table (the one {@code assess} prints) comes first; this class's own patterns
   * cover the procedural and evidence provisions the law data does not hold (the evidence rules,
   * the Criminal Procedure Law) and say which instruments are confirmed only from secondary
   * sources.
   */
  public static Optional<Citation> of(String id) {
    Optional<Citation> own = own(id);
    org.redress.law.Text law = ChineseLaw.jurisdiction().citations().get(id);
    if (law != null) {
      return Optional.of(
          new Citation(id, law.zh(), law.en(), own.map(Citation::status).orElse(Status.CONFIRMED)));
    }
    return own;
  }

  private static Optional<Citation> own(String id) {
    for (Instrument in : INSTRUMENTS) {
      Matcher m = in.id().matcher(id);
      if (!m.matches()) {
        continue;
      }
      if (!in.articles()) {
        return Optional.of(new Citation(id, in.zh(), in.en(), in.status()));
      }
      int art = Integer.parseInt(m.group(1));
      Integer sub = m.group(2) == null ? null : Integer.parseInt(m.group(2));
      boolean criminalLaw = id.startsWith("CN-CL-");
      String zh = in.zh() + "第" + Numerals.chinese(art) + "条";
      String en = in.en() + ", Art " + art;
      if (sub != null) {
        // Criminal Law 253-1 is 第二百五十三条之一; elsewhere a second number is an item (项).
        zh += criminalLaw ? "之" + Numerals.chinese(sub) : "第（" + Numerals.chinese(sub) + "）项";
        en += criminalLaw ? "-" + sub : "(" + sub + ")";
      }
      return Optional.of(new Citation(id, zh, en, in.status()));
    }
    return Optional.empty();
  }
}
