package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.text.Parser;

/** The commands that print or write programs and Go without running anything. */
class CommandsTest {
  @TempDir Path dir;

  @Test
  void catalogListsEveryTestWithItsExpectedVerdict() {
    var r = FarmTestSupport.farm("catalog");
    assertEquals(0, r.status(), r.err());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.size() >= 139, lines.size() + " lines");
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("SB+plain\tWEAK\t")), r.out());
  }

  @Test
  void catalogOutWritesParsableFilesAndTheIndex() throws IOException {
    Path out = dir.resolve("cat");
    var r = FarmTestSupport.farm("catalog", "--out", out.toString(), "--shape", "SB");
    assertEquals(0, r.status(), r.err());
    List<Path> files;
    try (Stream<Path> s = Files.list(out)) {
      files = s.filter(p -> p.toString().endsWith(".litmus")).toList();
    }
    assertEquals(Files.readAllLines(out.resolve("index.tsv")).size(), files.size());
    assertTrue(files.size() >= 5, files.toString());
    for (Path f : files) {
      assertTrue(Parser.parse(f.toString(), Files.readAllBytes(f)).program().name().startsWith("SB+"), f.toString());
    }
  }

  @Test
  void catalogWithAnUnknownShapeIsAnError() {
    var r = FarmTestSupport.farm("catalog", "--shape", "NOPE");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("no catalog test has shape 'NOPE'"), r.err());
  }

  @Test
  void mutateIsReproducibleBySeedAndEveryMutantParses() throws IOException {
    Path mp = Programs.catalog(dir, "MP+plain");
    var a = FarmTestSupport.farm("mutate", mp.toString(), "--seed", "7", "--count", "12");
    var b = FarmTestSupport.farm("mutate", mp.toString(), "--seed", "7", "--count", "12");
    var c = FarmTestSupport.farm("mutate", mp.toString(), "--seed", "8", "--count", "12");
    assertEquals(0, a.status(), a.err());
    assertEquals(a.out(), b.out());
    assertTrue(!a.out().equals(c.out()), "different seeds gave the same mutants");
    Path out = dir.resolve("mutants");
    var w = FarmTestSupport.farm("mutate", mp.toString(), "--seed", "7", "--count", "12", "--out", out.toString());
    assertEquals(0, w.status(), w.err());
    try (Stream<Path> s = Files.list(out)) {
      List<Path> files = s.toList();
      assertEquals(12, files.size());
      for (Path f : files) {
        assertTrue(a.out().contains(Files.readString(f)), f + " differs from the printed mutant");
        Parser.parse(f.toString(), Files.readAllBytes(f));
      }
    }
  }

  @Test
  void mutateRejectsACountOutOfRange() {
    var r = FarmTestSupport.farm("mutate", Programs.catalog(dir, "MP+plain").toString(), "--count", "0");
    assertEquals(2, r.status());
    assertTrue(r.err().contains("--count"), r.err());
  }

  @Test
  void emitPrintsAGoMainPackageAndHonoursTheMutant() {
    Path sb = Programs.catalog(dir, "SB+atomic");
    var plain = FarmTestSupport.farm("emit", sb.toString());
    var mutant = FarmTestSupport.farm("emit", sb.toString(), "--mutant", "atomic-store-plain");
    assertEquals(0, plain.status(), plain.err());
    assertTrue(plain.out().startsWith("// Code generated") || plain.out().contains("package main"), plain.out());
    assertTrue(plain.out().contains("atomic.StoreInt64(&l_x[k]"), plain.out());
    assertTrue(!mutant.out().contains("atomic.StoreInt64(&l_x[k]"), "the mutant still stores x atomically");
  }

  @Test
  void anUnknownMutantOrSyncModeIsAUsageError() {
    Path sb = Programs.catalog(dir, "SB+atomic");
    var m = FarmTestSupport.farm("emit", sb.toString(), "--mutant", "nope");
    var s = FarmTestSupport.farm("emit", sb.toString(), "--sync", "nope");
    assertEquals(2, m.status());
    assertEquals(2, s.status());
    assertTrue(m.err().startsWith("farm: ") && m.err().contains("nope"), m.err());
    assertTrue(s.err().startsWith("farm: ") && s.err().contains("nope"), s.err());
  }

  @Test
  void mutantsListsNameTabDescriptionIncludingAtomicStorePlain() {
    var r = FarmTestSupport.farm("mutants");
    assertEquals(0, r.status());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.size() >= 4, r.out());
    lines.forEach(l -> assertTrue(l.matches("[a-z-]+\t.{20,}"), l));
    assertTrue(r.out().startsWith("atomic-store-plain\t"), r.out());
  }
}
