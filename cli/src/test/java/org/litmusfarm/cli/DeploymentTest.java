package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/** The deployment runs what the farm command accepts, with a worker per architecture. */
class DeploymentTest {
  private static final Path COMPOSE = Path.of("../docker-compose.yml");

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
    return (Map<String, Map<String, Object>>) compose.get("services");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyFarmServiceCommandLineIsAcceptedByTheCli() throws IOException {
    int farmServices = 0;
    for (var e : services().entrySet()) {
      Object command = e.getValue().get("command");
      if (command == null || !String.valueOf(e.getValue().get("image")).startsWith("litmus-farm:")) {
        continue;
      }
      farmServices++;
      List<String> args = (List<String>) command;
      CommandLine cl = Farm.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
      CommandLine.ParseResult parsed = cl.parseArgs(args.toArray(String[]::new));
      assertTrue(parsed.hasSubcommand(), e.getKey() + " runs no farm command");
      assertFalse(parsed.subcommand().isUsageHelpRequested(), e.getKey());
    }
    assertEquals(4, farmServices, "coordinator and three workers");
  }

  @Test
  void thereIsOneWorkerPerArchitecture() throws IOException {
    Set<String> platforms = new TreeSet<>();
    services().forEach((name, s) -> {
      if (name.startsWith("worker-")) {
        platforms.add((String) s.get("platform"));
      }
    });
    assertEquals(Set.of("linux/amd64", "linux/arm64", "linux/riscv64"), platforms);
  }

  @Test
  void everyPlatformHasAnImageOfItsOwnBuiltFromTheProject() throws IOException {
    Map<String, String> platformOfImage = new java.util.HashMap<>();
    services().forEach((name, s) -> {
      if (String.valueOf(s.get("image")).startsWith("litmus-farm:")) {
        assertTrue(s.containsKey("build"), name + " must build its image: no registry holds litmus-farm");
        String platform = String.valueOf(s.getOrDefault("platform", "the host's"));
        String before = platformOfImage.putIfAbsent((String) s.get("image"), platform);
        assertTrue(before == null || before.equals(platform),
            s.get("image") + " is asked for " + before + " and " + platform + ": one tag holds one platform's image");
      }
    });
    assertEquals(4, platformOfImage.size(), platformOfImage.toString());
  }

  @Test
  void aBadCommandLineWouldBeCaught() {
    CommandLine cl = Farm.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    try {
      cl.parseArgs("worker", "--coordinator", "x:1", "--nmae", "w");
      throw new AssertionError("a misspelt option was accepted");
    } catch (CommandLine.ParameterException expected) {
      assertTrue(expected.getMessage().contains("--nmae"), expected.getMessage());
    }
  }
}
