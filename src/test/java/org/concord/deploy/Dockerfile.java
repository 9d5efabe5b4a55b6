package org.concord.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * deploy/Dockerfile read as a list of instructions per build stage: comments dropped, continued
 * lines joined. Enough of the format for the checks of {@link DockerfileTest}, no more.
 */
record Dockerfile(List<Dockerfile.Stage> stages) {

  static final Path PATH = Path.of("deploy/Dockerfile");

  record Instruction(String keyword, String arguments) {}

  record Stage(String image, String name, List<Instruction> instructions) {

    List<Instruction> all(String keyword) {
      return instructions.stream().filter(each -> each.keyword().equals(keyword)).toList();
    }

    /** The one instruction of this kind; the last one counts where several are allowed. */
    String last(String keyword) {
      List<Instruction> found = all(keyword);
      if (found.isEmpty()) {
        throw new AssertionError("No " + keyword + " in the stage from " + image);
      }
      return found.get(found.size() - 1).arguments();
    }
  }

  static Dockerfile read() {
    try {
      return parse(Files.readAllLines(PATH));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Dockerfile parse(List<String> lines) {
    List<Stage> stages = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String line : lines) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (trimmed.isEmpty() && pending.isEmpty())) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      pending.append(trimmed);
      String instruction = pending.toString().strip().replaceAll("\\s+", " ");
      pending.setLength(0);
      int space = instruction.indexOf(' ');
      String keyword = instruction.substring(0, space).toUpperCase(Locale.ROOT);
      String arguments = instruction.substring(space + 1);
      if (keyword.equals("FROM")) {
        String[] words = arguments.split(" ");
        String name = words.length == 3 && words[1].equalsIgnoreCase("AS") ? words[2] : null;
        stages.add(new Stage(words[0], name, new ArrayList<>()));
      } else if (stages.isEmpty()) {
        throw new AssertionError(keyword + " before the first FROM");
      } else {
        stages.get(stages.size() - 1).instructions().add(new Instruction(keyword, arguments));
      }
    }
    return new Dockerfile(stages);
  }

  Stage stage(String name) {
    return stages.stream()
        .filter(stage -> name.equals(stage.name()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No stage " + name));
  }

  /** The stage the image is made of. */
  Stage runtime() {
    return stages.get(stages.size() - 1);
  }
}
