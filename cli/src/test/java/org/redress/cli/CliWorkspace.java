package org.redress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * One workspace folder the cli tests run commands in, with {@code --workspace} appended to every
 * run, and the set-ups several cli tests share: the innocuous pictures they generate, and cases
 * over the generated sample export. A run that need not succeed is {@link #run}; one that must is
 * {@link #ok}, which fails the test with the command's stderr.
 *
 * @param dir the workspace folder
 */
record CliWorkspace(Path dir) {
  /** {@code args} with {@code --workspace dir} appended. */
  String[] args(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--workspace";
    all[args.length + 1] = dir.toString();
    return all;
  }

  /** Runs {@code args} in this workspace. */
  CliRun run(String... args) {
    return CliRun.of(args(args));
  }

  /**
   * Runs {@code args} in this workspace with {@code REDRESS_LANG=lang} ({@link CliRun#withLang}).
   */
  CliRun withLang(String lang, String... args) {
    return CliRun.withLang(lang, args(args));
  }

  /** Runs {@code args} in this workspace and checks it exits 0 (its stderr in the failure). */
  CliRun ok(String... args) {
    return CliRun.ok(args(args));
  }

  /**
   * Writes the small innocuous picture the cli tests register and seal: a 64x48 PNG, red rising to
   * the right and green downwards over blue.
   *
   * @return {@code file}
   */
  static Path gradientPng(Path file) throws IOException {
    BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        img.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 128);
      }
    }
    ImageIO.write(img, "png", file.toFile());
    return file;
  }

  /** An innocuous picture: a gradient, discs and bars, different per seed. */
  static BufferedImage picture(int w, int h, int seed) {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    Random rnd = new Random(seed);
    g.setPaint(new GradientPaint(0, 0, new Color(rnd.nextInt()), w, h, new Color(rnd.nextInt())));
    g.fillRect(0, 0, w, h);
    for (int i = 0; i < 6; i++) {
      g.setColor(new Color(rnd.nextInt()));
      int r = 20 + rnd.nextInt(w / 4);
      g.fillOval(rnd.nextInt(w) - r / 2, rnd.nextInt(h) - r / 2, r, r);
      g.fillRect(rnd.nextInt(w), rnd.nextInt(h), 10 + rnd.nextInt(w / 3), 8 + rnd.nextInt(20));
    }
    g.dispose();
    return img;
  }

  /**
   * Cases {@code ann}, {@code bea} and {@code cai}, each with the sample victim's pictures in her
   * bank and a scan of the sample export kept in her case ({@code --preserve} when asked); {@code
   * ann} and {@code bea} consent to dossiers, {@code cai} never does.
   *
   * @return the chat {@code dossier index --min-cases 2} lists first (the sample's shared chat)
   */
  String threeCasesTwoConsenting(GeneratedExport sample, boolean preserve) {
    for (String c : List.of("ann", "bea", "cai")) {
      assertThat(run("case", "create", c).exit()).isZero();
      CliRun add = run("bank", "add", "case-" + c, sample.originals().toString());
      assertThat(add.exit()).as(add.err()).isZero();
      CliRun scan =
          preserve
              ? run("scan", sample.folder().toString(), "--case", c, "--preserve")
              : run("scan", sample.folder().toString(), "--case", c);
      assertThat(scan.exit()).as(scan.err()).isZero();
    }
    assertThat(run("case", "consent", "ann", "--dossiers", "yes").exit()).isZero();
    assertThat(run("case", "consent", "bea", "--dossiers", "yes").exit()).isZero();
    CliRun index = run("dossier", "index", "--min-cases", "2");
    assertThat(index.exit()).as(index.err()).isZero();
    return index
        .out()
        .lines()
        .filter(l -> l.startsWith("chat\t"))
        .findFirst()
        .orElseThrow()
        .split("\t")[1];
  }

  /**
   * The sample export {@code redress sample telegram-export} generates ({@link SampleExport}).
   *
   * @param originals the victim's pictures (what she registers in her bank)
   * @param folder the Telegram export folder (what is scanned)
   */
  record GeneratedExport(Path originals, Path folder) {
    /** Generates the sample into {@code dir}. */
    static GeneratedExport make(Path dir) throws IOException {
      CliRun made = CliRun.of("sample", "telegram-export", dir.toString());
      assertThat(made.exit()).as(made.err()).isZero();
      try (Stream<Path> s = Files.list(dir)) {
        Path folder =
            s.filter(p -> p.getFileName().toString().startsWith("DataExport"))
                .findFirst()
                .orElseThrow();
        return new GeneratedExport(dir.resolve(SampleExport.VICTIM_DIR), folder);
      }
    }
  }
}
