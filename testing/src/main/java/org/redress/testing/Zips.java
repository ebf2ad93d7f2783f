package org.redress.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zip archives as tests read and tamper with them: evidence packages and joint packages, whose
 * parts are zips inside a zip. An entry inside an inner zip is named by its path through it, as in
 * {@code cases/B.zip/manifest.json}. A zip that cannot be read or written fails the test with an
 * {@link UncheckedIOException} naming what was being done.
 */
public final class Zips {
  private Zips() {}

  /** Every entry of {@code zip}, by name, in the archive's order. */
  public static Map<String, byte[]> entries(byte[] zip) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        out.put(e.getName(), in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read zip: " + e.getMessage(), e);
    }
    return out;
  }

  /** Every entry of the zip file {@code zip}, by name, in the archive's order. */
  public static Map<String, byte[]> entries(Path zip) {
    return entries(read(zip));
  }

  /**
   * Every entry of {@code zip}, and every entry of every inner zip (an entry whose name ends in
   * {@code .zip}, at any depth), by its path: {@code cases/B.zip} and {@code
   * cases/B.zip/manifest.json} both.
   */
  public static Map<String, byte[]> flatten(byte[] zip) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    flatten("", zip, out);
    return out;
  }

  private static void flatten(String prefix, byte[] zip, Map<String, byte[]> out) {
    for (Map.Entry<String, byte[]> e : entries(zip).entrySet()) {
      out.put(prefix + e.getKey(), e.getValue());
      if (e.getKey().endsWith(".zip")) {
        flatten(prefix + e.getKey() + "/", e.getValue(), out);
      }
    }
  }

  /**
   * A zip of {@code entries} in their map's order, each entry's time zero (as Redress writes its
   * packages), deflated.
   */
  public static byte[] zip(Map<String, byte[]> entries) {
    ByteArrayOutputStream bo = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bo, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry ze = new ZipEntry(e.getKey());
        ze.setTime(0L);
        z.putNextEntry(ze);
        z.write(e.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write zip: " + e.getMessage(), e);
    }
    return bo.toByteArray();
  }

  /**
   * {@code zip} rebuilt with the entry at {@code path} changed by {@code change}; a path through an
   * inner zip ({@code cases/B.zip/manifest.json}) rebuilds that inner zip around the change. Every
   * other entry keeps its bytes and place.
   *
   * @throws IllegalArgumentException if no entry is at {@code path}
   */
  public static byte[] rewrite(byte[] zip, String path, UnaryOperator<byte[]> change) {
    Map<String, byte[]> all = entries(zip);
    if (all.containsKey(path)) {
      all.put(path, change.apply(all.get(path)));
      return zip(all);
    }
    for (Map.Entry<String, byte[]> e : all.entrySet()) {
      String inner = e.getKey() + "/";
      if (e.getKey().endsWith(".zip") && path.startsWith(inner)) {
        e.setValue(rewrite(e.getValue(), path.substring(inner.length()), change));
        return zip(all);
      }
    }
    throw new IllegalArgumentException("no entry " + path + " in the zip");
  }

  /** The zip file {@code from} written to {@code to} with the entry at {@code path} changed. */
  public static void rewrite(Path from, Path to, String path, UnaryOperator<byte[]> change) {
    byte[] changed = rewrite(read(from), path, change);
    try {
      Files.write(to, changed);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write " + to + ": " + e.getMessage(), e);
    }
  }

  /** A change that replaces every {@code target} in an entry's UTF-8 text with {@code with}. */
  public static UnaryOperator<byte[]> replace(String target, String with) {
    return b ->
        new String(b, StandardCharsets.UTF_8)
            .replace(target, with)
            .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] read(Path zip) {
    try {
      return Files.readAllBytes(zip);
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + zip + ": " + e.getMessage(), e);
    }
  }
}
