package org.redress.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The store is a core the CLI and the web share: its messages and warnings say what happened and
 * name the next step as a {@link NextStep}; none names a command line or a flag, which only a front
 * end can word. The files listed write text that travels inside an exported package or a record,
 * for a reader who has no front end.
 */
class NoCommandInMessagesTest {
  private static final Map<String, String> ALLOWED =
      Map.of(
          "IndexHtml.java", "the package's index.html tells a verifier how to check it offline",
          "JointPackage.java", "the joint package's README, for a verifier",
          "Recover.java", "the origin recorded for a re-logged item",
          "Salvager.java", "the heading of the salvage report written beside the copies");

  private static final Pattern COMMAND =
      Pattern.compile("\"[^\"]*(redress [a-z]+ [a-z]+|run: |--[a-z][a-z-]+)[^\"]*\"");

  @Test
  void mainSources_messages_nameNoCommand() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/redress/evidence"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        if (ALLOWED.containsKey(f.getFileName().toString())) {
          continue;
        }
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          String l = lines.get(i).strip();
          if (!l.startsWith("*") && !l.startsWith("//") && COMMAND.matcher(l).find()) {
            found.add(f.getFileName() + ":" + (i + 1) + ": " + l);
          }
        }
      }
    }
    assertThat(found).as("a command named in the evidence core: use a NextStep").isEmpty();
  }

  @Test
  void command_aMessageNamingACommand_isFound() {
    assertThat(COMMAND.matcher("\"cannot export; run: redress evidence recover\"").find()).isTrue();
    assertThat(COMMAND.matcher("\"the workspace is read-only\"").find()).isFalse();
  }
}
