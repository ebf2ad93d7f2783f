package org.redress.cli;

import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine.Option;

/**
 * The {@code --workspace} option shared by every command that stores something. Mix it in with
 * {@code @Mixin WorkspaceOption workspace;}. Precedence: the flag, then {@code REDRESS_WORKSPACE},
 * then {@code ./redress-data}.
 */
public final class WorkspaceOption {
  /** Environment variable naming the workspace directory. */
  public static final String ENV = "REDRESS_WORKSPACE";

  /** Default workspace directory, relative to the working directory. */
  public static final String DEFAULT = "redress-data";

  @Option(
      names = "--workspace",
      paramLabel = "DIR",
      description = "Workspace directory (default: $REDRESS_WORKSPACE or ./redress-data).")
  Path workspace;

  /** The workspace directory chosen by flag, environment or default; not created here. */
  public Path dir() {
    if (workspace != null) {
      return workspace.toAbsolutePath().normalize();
    }
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Paths.get(env).toAbsolutePath().normalize();
    }
    return Paths.get(DEFAULT).toAbsolutePath().normalize();
  }
}
