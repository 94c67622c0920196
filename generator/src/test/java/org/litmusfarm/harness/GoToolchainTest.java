package org.litmusfarm.harness;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GoToolchainTest {
  @Test
  void versionNamesAGoRelease() {
    String v = Tools.go().version();
    assertTrue(v.matches("go1\\.\\d+(\\.\\d+)?.*"), v);
  }

  @Test
  void gofmtSitsBesideGo() {
    assertTrue(Files.isExecutable(Tools.go().gofmt()));
  }

  @Test
  void rejectsACommandThatIsNotExecutable() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> GoToolchain.at(Path.of("/nonexistent/go")));
    assertTrue(e.getMessage().equals("go command /nonexistent/go is not executable"), e.getMessage());
  }
}
