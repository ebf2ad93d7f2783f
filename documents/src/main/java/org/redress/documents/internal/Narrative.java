package org.redress.documents.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The facts in sentences, used when the victim has not written her own account. Only what the facts
 * say is stated; what they leave open becomes a placeholder.
 */
final class Narrative {
  private final Words w;
  private final Facts f;
  private final String victim;
  private final String perp;

  Narrative(Words w, Facts f, String victim, String perp) {
    this.w = w;
    this.f = f;
    this.victim = victim;
    this.perp = perp;
  }

  List<String> paragraphs() {
    List<String> out = new ArrayList<>();
    filming().ifPresent(out::add);
    spreading().ifPresent(out::add);
    harm().ifPresent(out::add);
    police().ifPresent(out::add);
    out.add(w.ph("事发时间、地点和经过的具体描述", "when, where and how it happened, in detail"));
    return out;
  }

  private String when() {
    Optional<LocalDate> first = f.date("conduct.first_act");
    Optional<LocalDate> last = f.date("conduct.last_act");
    if (first.isEmpty()) {
      return w.ph("时间", "date");
    }
    if (last.isPresent() && !last.get().equals(first.get())) {
      return w.t(
          "自" + w.date(first.get()) + "至" + w.date(last.get()),
          "between " + w.date(first.get()) + " and " + w.date(last.get()));
    }
    return w.t(w.date(first.get()), "on " + w.date(first.get()));
  }

  private Optional<String> filming() {
    boolean filmed = f.yes("acts.covert_filming");
    boolean peeped = f.yes("acts.peeping");
    if (!filmed && !peeped) {
      return Optional.empty();
    }
    String place =
        f.yes("acts.filmed_in_private_space")
            ? w.t(
                "在私密空间（" + w.ph("具体地点", "the place") + "）内",
                " in a private space (" + w.ph("the place", "the place") + ")")
            : "";
    String device =
        f.yes("acts.disguised_device")
            ? w.t("使用伪装或隐蔽的摄像设备", " with a disguised or hidden camera")
            : "";
    String what =
        f.yes("acts.filmed_sexual_activity")
            ? w.t("私密活动", "intimate activity")
            : f.yes("acts.filmed_intimate_parts")
                ? w.t("身体私密部位", "intimate parts of the body")
                : w.t("影像", "images");
    String verb = filmed ? w.t("偷拍", "secretly filmed") : w.t("偷窥", "spied on");
    StringBuilder s = new StringBuilder();
    if (w.lang() == org.redress.documents.Lang.ZH) {
      s.append(when())
          .append("，")
          .append(perp)
          .append(place)
          .append(device)
          .append(verb)
          .append("了")
          .append(victim)
          .append("的")
          .append(what)
          .append("。");
      if (f.yes("acts.installed_device")) {
        s.append("该设备系").append(perp).append("安装。");
      }
    } else {
      s.append(capital(when()))
          .append(", ")
          .append(perp)
          .append(' ')
          .append(verb)
          .append(' ')
          .append(victim)
          .append(filmed ? "'s " + what : "")
          .append(place)
          .append(device)
          .append('.');
      if (f.yes("acts.installed_device")) {
        s.append(" The device was installed by ").append(perp).append('.');
      }
    }
    return Optional.of(s.toString());
  }

  private Optional<String> spreading() {
    if (!f.yes("distribution.shared")) {
      return Optional.empty();
    }
    List<String> s = new ArrayList<>();
    s.add(
        w.t(
            "此后，上述影像"
                + (f.yes("distribution.online") ? "通过信息网络" : "")
                + "被传播"
                + (f.yes("distribution.for_profit") ? "，传播者以此牟利" : "")
                + (f.yes("distribution.still_online")
                    ? f.asOf().map(d -> "，截至" + w.date(d) + "仍可在网络上找到").orElse("，目前仍可在网络上找到")
                    : "")
                + "。",
            "The images were then spread"
                + (f.yes("distribution.online") ? " online" : "")
                + (f.yes("distribution.for_profit") ? ", for profit" : "")
                + (f.yes("distribution.still_online")
                    ? f.asOf()
                        .map(d -> ", and could still be found online on " + w.date(d))
                        .orElse(", and can still be found online")
                    : "")
                + "."));
    if (f.yes("distribution.victim_identifiable")) {
      s.add(
          w.t(
              "所传播的影像能够识别出" + victim + "的身份。",
              "Viewers can tell from them who " + victim + " is."));
    }
    if (f.yes("distribution.personal_info_published")) {
      s.add(
          w.t(
              "传播时还公开了" + victim + "的个人信息。",
              victim + "'s personal information was published with them."));
    }
    if (f.yes("distribution.insulting_presentation")) {
      s.add(
          w.t("传播者添加了侮辱性的标题、说明或评论。", "The spreader added insulting titles, captions or comments."));
    }
    if (f.yes("distribution.sent_to_family_or_acquaintances")) {
      s.add(
          w.t(
              "影像还被发送给" + victim + "的家人或熟人。",
              "They were also sent to " + victim + "'s family or acquaintances."));
    }
    counts().ifPresent(s::add);
    return Optional.of(String.join(w.t("", " "), s));
  }

  private Optional<String> counts() {
    List<String> parts = new ArrayList<>();
    add(parts, "distribution.counts.videos", "视频%d个", "%d video", "%d videos");
    add(parts, "distribution.counts.images", "图片%d张", "%d image", "%d images");
    add(parts, "distribution.counts.clicks", "实际点击%d次", "%d view", "%d views");
    add(
        parts,
        "distribution.group.members",
        "所涉群组成员%d人",
        "a group of %d member",
        "a group of %d members");
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        w.t(
            "已知传播规模：" + String.join("、", parts) + "。",
            "Known extent: " + String.join(", ", parts) + "."));
  }

  /**
   * A count in words: {@code enOne} for exactly one, else {@code enMany} (Chinese has one form).
   */
  private void add(List<String> parts, String path, String zh, String enOne, String enMany) {
    Optional<java.math.BigDecimal> n = f.number(path);
    if (n.isPresent() && n.get().signum() > 0) {
      // a count read from a screenshot or a captured page is a lead, not a count: say so
      String key = "facts_provenance." + path + ".read_from";
      String read =
          (f.caseFacts().schema().isPath(key) ? f.text(key) : Optional.<String>empty())
              .map(
                  from ->
                      from.equals("screenshot")
                          ? w.t(
                              "（由截图识别，尚未核实，需核对原件）", " (read from a screenshot, not yet confirmed)")
                          : w.t("（由网页识别，尚未核实，需核对原件）", " (read from a web page, not yet confirmed)"))
              .orElse("");
      long count = n.get().longValue();
      String en = count == 1 ? enOne : enMany;
      parts.add(String.format(Locale.ROOT, w.t(zh, en), count) + read);
    }
  }

  private Optional<String> harm() {
    List<String> s = new ArrayList<>();
    if (f.yes("harm.serious_mental_harm")) {
      s.add(
          w.t("上述行为给" + victim + "造成了严重精神损害。", "This caused " + victim + " serious mental harm."));
    }
    if (f.yes("harm.self_harm_or_suicide")) {
      s.add(w.t("上述行为导致了自伤或自杀的严重后果。", "It led to self-harm or suicide."));
    }
    return s.isEmpty() ? Optional.empty() : Optional.of(String.join(w.t("", " "), s));
  }

  private Optional<String> police() {
    return f.date("conduct.police_aware_on")
        .map(
            d ->
                w.t(
                    "公安机关已于" + w.date(d) + "知悉此事。",
                    "The police have known of it since " + w.date(d) + "."));
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
