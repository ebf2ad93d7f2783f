package org.redress.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists the inputs on the driver through Hadoop's {@link FileSystem} (local, HDFS, S3A, …): a file
 * named on the command line is always taken; a folder is walked recursively, taking the files whose
 * extension says media, and ZIP archives. A path that cannot be listed becomes a problem, never an
 * exception.
 */
final class Inputs {
  record Problem(String path, String reason) {}

  record Listing(List<FileRow> files, List<Problem> problems) {}

  private Inputs() {}

  static Listing list(List<String> inputs, Configuration conf) {
    List<FileRow> files = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (String in : inputs) {
      try {
        Path p = new Path(in);
        FileSystem fs = p.getFileSystem(conf);
        FileStatus st = fs.getFileStatus(p);
        if (st.isDirectory()) {
          List<FileRow> found = new ArrayList<>();
          if ("file".equals(fs.getScheme())) {
            walkLocal(fs, st.getPath(), found);
          } else {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(st.getPath(), true);
            while (it.hasNext()) {
              take(it.next(), found);
            }
          }
          found.sort(Comparator.comparing(FileRow::getSource));
          files.addAll(found);
        } else {
          files.add(row(st));
        }
      } catch (FileNotFoundException e) {
        problems.add(new Problem(in, "no such file or directory"));
      } catch (IOException | IllegalArgumentException e) {
        problems.add(new Problem(in, "failed to list: " + Hashing.oneLine(e)));
      }
    }
    return new Listing(files, problems);
  }

  /**
   * Walks a local folder with {@link FileSystem#listStatus} instead of {@code listFiles}: the
   * latter wraps every file in a {@link LocatedFileStatus}, whose constructor asks the local file
   * system for the file's permissions, and without Hadoop's native library that forks {@code ls
   * -ld} once per file, serially on the driver (about 15 ms a file: 80 s of 5,000 files).
   */
  private static void walkLocal(FileSystem fs, Path root, List<FileRow> found) throws IOException {
    Deque<Path> folders = new ArrayDeque<>();
    folders.push(root);
    while (!folders.isEmpty()) {
      for (FileStatus f : fs.listStatus(folders.pop())) {
        if (f.isDirectory()) {
          folders.push(f.getPath());
        } else {
          take(f, found);
        }
      }
    }
  }

  private static void take(FileStatus f, List<FileRow> found) {
    String name = f.getPath().getName();
    if (f.isFile() && (Hashing.isMedia(name) || Hashing.isZip(name))) {
      found.add(row(f));
    }
  }

  /** How a source is shown in results: a local file as its plain path, others as their URI. */
  static String display(String source) {
    java.net.URI u = java.net.URI.create(source);
    return "file".equals(u.getScheme()) ? u.getPath() : source;
  }

  private static FileRow row(FileStatus st) {
    return new FileRow(st.getPath().toUri().toString(), st.getLen(), st.getModificationTime());
  }
}
