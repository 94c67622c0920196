package org.litmusfarm.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.litmusfarm.model.InvalidProgramException;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.model.OutcomeClass;
import org.litmusfarm.oracle.Budget;
import org.litmusfarm.oracle.Decision;
import org.litmusfarm.oracle.Oracle;
import org.litmusfarm.text.ParsedProgram;
import org.litmusfarm.text.Programs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code farm oracle}: what the Go memory model says about each outcome of each file. */
@Command(
    name = "oracle",
    mixinStandardHelpOptions = true,
    description = {
      "Decide programs by the Go memory model: NAME<TAB>VERDICT a line.",
      "VERDICT is the class of the exists condition: SC, WEAK or FORBIDDEN."
    })
final class OracleCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = ".litmus files")
  List<Path> files;

  @Option(names = "--outcomes", description = "also list every allowed outcome with its class")
  boolean outcomes;

  @Option(names = "--json", description = "print one JSON array of decisions on stdout")
  boolean json;

  @Option(
      names = "--budget",
      paramLabel = "STATES",
      defaultValue = "1000000",
      description = "give up with 'too large to decide' after exploring this many states (default ${DEFAULT-VALUE})")
  long budget;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    Oracle oracle = new Oracle(budgetOf(budget));
    JsonArray all = new JsonArray();
    int status = ExitStatus.OK;
    for (Path file : files) {
      try {
        ParsedProgram parsed = Sources.read(file);
        parsed.warnings().forEach(w -> err.println(w.render()));
        Decision decision = Sources.decide(oracle, parsed);
        String name = parsed.program().name();
        if (json) {
          all.add(toJson(file, parsed, decision));
        } else {
          out.println(name + "\t" + decision.verdict());
          if (outcomes) {
            for (Map.Entry<Outcome, OutcomeClass> e : decision.allowed().entrySet()) {
              out.println("  " + e.getValue() + "\t" + e.getKey());
            }
          }
        }
      } catch (InvalidProgramException e) {
        e.diagnostics().forEach(d -> err.println(d.render()));
        status = ExitStatus.INVALID;
      } catch (UserInputException e) {
        err.println("farm: " + e.getMessage());
        status = ExitStatus.INVALID;
      }
    }
    if (json) {
      out.println(Json.GSON.toJson(all));
    }
    return status;
  }

  private static JsonObject toJson(Path file, ParsedProgram parsed, Decision decision) {
    JsonObject o = new JsonObject();
    o.addProperty("file", file.toString());
    o.addProperty("name", parsed.program().name());
    o.addProperty("id", Programs.id(parsed.program()).hex());
    o.addProperty("verdict", decision.verdict().name());
    o.addProperty("racy", decision.racy());
    JsonArray outs = new JsonArray();
    decision
        .allowed()
        .forEach(
            (outcome, cls) -> {
              JsonObject e = new JsonObject();
              e.addProperty("outcome", outcome.toString());
              e.addProperty("class", cls.name());
              outs.add(e);
            });
    o.add("outcomes", outs);
    return o;
  }

  /** The oracle budget for a {@code --budget} value, with a usage error when it is not positive. */
  static Budget budgetOf(long states) {
    if (states < 1) {
      throw new UserInputException("--budget must be at least 1 state");
    }
    return Budget.states(states);
  }
}
