package org.litmusfarm.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.litmusfarm.worker.platform.Platform;
import org.litmusfarm.worker.platform.Toolchains;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code farm platform}: what a worker started here with the same options would register as. */
@Command(
    name = "platform",
    mixinStandardHelpOptions = true,
    description = {
      "Print what a worker here registers as: architecture, mode, CPU, cores, Go versions.",
      "That is the provenance every one of its results carries.",
      "Run it in a worker's container to check before deploying: a linux/arm64 or linux/riscv64",
      "container on an x86 host runs under QEMU (binfmt_misc) and reports emulated:binfmt, and its",
      "results are not hardware evidence."
    })
final class PlatformCommand implements Callable<Integer> {
  @Option(names = "--arch", paramLabel = "GOARCH", description = "as farm worker --arch")
  String arch;

  @Option(names = "--emulator", paramLabel = "CMD", description = "as farm worker --emulator")
  String emulator;

  @Option(names = "--go", paramLabel = "PATH", description = "as farm worker --go (repeatable)")
  List<Path> goToolchains = List.of();

  @Option(names = "--json", description = "print one JSON object on stdout")
  boolean json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (emulator != null && arch == null) {
      throw new UserInputException("--emulator needs --arch");
    }
    Platform p = Platform.detect(Optional.ofNullable(arch), Optional.ofNullable(emulator));
    List<String> go = Toolchains.of(goToolchains).versions();
    boolean evidence = p.hardwareEvidence();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonObject o = new JsonObject();
      o.addProperty("arch", p.goarch());
      o.addProperty("mode", p.mode());
      o.addProperty("hardware_evidence", evidence);
      o.addProperty("cpu_model", p.cpuModel());
      o.addProperty("cores", p.cores());
      JsonArray versions = new JsonArray();
      go.forEach(versions::add);
      o.add("go_versions", versions);
      out.println(Json.GSON.toJson(o));
    } else {
      out.printf("arch   %s%n", p.goarch());
      out.printf("mode   %s%s%n", p.mode(), evidence ? "" : " (results are not hardware evidence)");
      out.printf("cpu    %s%n", p.cpuModel().isEmpty() ? "unknown" : p.cpuModel());
      out.printf("cores  %d%n", p.cores());
      out.printf("go     %s%n", String.join(", ", go));
    }
    out.flush();
    return ExitStatus.OK;
  }
}
