package org.litmusfarm.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.litmusfarm.model.Outcome;

class RunnerErrorsTest {
  @TempDir Path dir;

  private Path script(String body) throws Exception {
    Path p = dir.resolve("fake-harness");
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  private static final String VALID =
      "{\"program\":\"SB\",\"goos\":\"linux\",\"goarch\":\"amd64\",\"go_version\":\"go1.26\",\"cpus\":2,"
          + "\"iterations\":10,\"elapsed_ns\":5000,\"params\":{\"sync_mode\":\"spin\",\"seed\":1},"
          + "\"outcomes\":[{\"outcome\":\"P0:r0=0; P1:r0=0\",\"count\":3},{\"outcome\":\"P0:r0=1; P1:r0=0\",\"count\":7}]}";

  @Test
  void parsesResultAndPassesProgressLinesOn() throws Exception {
    Path bin = script("echo 'progress iterations=5 elapsed_ms=1000' >&2\necho 'other noise' >&2\necho '" + VALID + "'");
    List<String> progress = new ArrayList<>();
    RunResult r = Runner.run(bin, GoTarget.host(), Duration.ofSeconds(10), progress::add);
    assertEquals(List.of("progress iterations=5 elapsed_ms=1000"), progress);
    assertEquals("SB", r.program());
    assertEquals(10, r.iterations());
    assertEquals(Duration.ofNanos(5000), r.elapsed());
    assertEquals("spin", r.params().get("sync_mode"));
    assertEquals(3L, r.histogram().get(Outcome.parse("P0:r0=0; P1:r0=0")));
    assertEquals(7L, r.histogram().get(Outcome.parse("P0:r0=1; P1:r0=0")));
    assertEquals("native", r.mode());
  }

  @Test
  void killsAHarnessThatOutlivesItsLimit() throws Exception {
    Path bin = script("sleep 20");
    long start = System.nanoTime();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Runner.run(bin, GoTarget.host(), Duration.ofMillis(300), l -> {}));
    assertTrue(e.getMessage().contains("timed out after 300 ms"), e.getMessage());
    assertTrue(System.nanoTime() - start < 10_000_000_000L);
  }

  @Test
  void reportsACrashWithItsStatusAndStderr() throws Exception {
    Path bin = script("echo 'panic: boom' >&2\nexit 2");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Runner.run(bin, GoTarget.host(), Duration.ofSeconds(10), l -> {}));
    assertTrue(e.getMessage().contains("crashed with exit status 2: panic: boom"), e.getMessage());
  }

  @Test
  void rejectsGarbageOutput() throws Exception {
    for (String out : List.of("hello", "{\"program\":\"SB\"}", "[1,2]", "")) {
      Path bin = script("echo '" + out + "'");
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> Runner.run(bin, GoTarget.host(), Duration.ofSeconds(10), l -> {}));
      assertTrue(e.getMessage().startsWith("garbage output") || e.getMessage().contains("printed nothing"), e.getMessage());
    }
  }

  @Test
  void rejectsAnOutcomeThatIsNotCanonicalText() throws Exception {
    Path bin = script("echo '" + VALID.replace("P0:r0=0; P1:r0=0", "P0:r0=zero") + "'");
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Runner.run(bin, GoTarget.host(), Duration.ofSeconds(10), l -> {}));
    assertTrue(e.getMessage().startsWith("garbage output from the harness: malformed value"), e.getMessage());
  }

  @Test
  void emulatedModeNamesTheEmulatorBasename() {
    assertEquals("emulated:qemu-aarch64-static", GoTarget.emulated("arm64", "/usr/bin/qemu-aarch64-static").mode());
    assertEquals("native", GoTarget.host().mode());
  }
}
