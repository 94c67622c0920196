package org.litmusfarm.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.litmusfarm.catalog.Catalog;
import org.litmusfarm.catalog.CatalogEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code farm catalog}: lists or writes the catalog of classic tests. */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = {
      "List the catalog of classic tests, or write it with --out DIR.",
      "Lists one NAME<TAB>EXPECTED<TAB>REFERENCE a line; --out writes every test as",
      "NAME.litmus plus index.tsv into DIR."
    })
final class CatalogCommand implements Callable<Integer> {
  @Option(names = "--out", paramLabel = "DIR", description = "write the .litmus files and index.tsv here")
  Path out;

  @Option(names = "--shape", paramLabel = "SHAPE", description = "only tests of this shape (e.g. SB, MP, IRIW)")
  String shape;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    List<CatalogEntry> entries =
        Catalog.load().entries().stream().filter(e -> shape == null || e.shape().equals(shape)).toList();
    if (entries.isEmpty()) {
      throw new UserInputException("no catalog test has shape '" + shape + "'");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    StringBuilder index = new StringBuilder();
    ProgramFiles files = out == null ? null : new ProgramFiles(out);
    for (CatalogEntry e : entries) {
      String line = e.name() + "\t" + e.expected() + "\t" + e.reference();
      index.append(line).append('\n');
      if (files == null) {
        stdout.println(line);
      } else {
        files.write(e.name() + ".litmus", e.text().orElseThrow());
      }
    }
    if (files != null) {
      files.write("index.tsv", index.toString());
      spec.commandLine().getErr().println("farm: wrote " + entries.size() + " tests and index.tsv to " + out);
    }
    return ExitStatus.OK;
  }
}
