package org.litmusfarm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.litmusfarm.coordinator.reduction.ReductionSettings;
import org.litmusfarm.coordinator.submit.SubmitOrder;
import org.litmusfarm.harness.Tools;
import org.litmusfarm.reduce.Size;
import org.litmusfarm.schema.v1.HarnessParams;
import org.litmusfarm.text.Parser;

/**
 * The whole farm in one process with real workers, Go and QEMU: a program that shows SB's
 * forbidden outcome under qemu-aarch64-static among two extra goroutines and a dozen extra
 * statements is reduced by the farm itself, each candidate run as a job on the emulated arm64
 * worker, to a program no larger than SB with atomics.
 */
class FarmReductionTest {
  @Test
  void anEmulatedArm64ViolationIsReducedOnTheFarmToNoMoreThanSbWithAtomics() throws Exception {
    Tools.go();
    Tools.executable("/usr/bin/qemu-aarch64-static");
    String noise;
    try (InputStream in = FarmReductionTest.class.getResourceAsStream("/reduce/SB+atomic+noise.litmus")) {
      noise = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    PrintWriter progress = new PrintWriter(System.err, true);
    try (LocalFarm farm =
        new LocalFarm(progress, 0, -1, 0, Duration.ofSeconds(1),
            c -> c.withSchedule(Optional.empty())
                .withReduction(new ReductionSettings(true, 1, 40, Duration.ofMinutes(10), Duration.ofMinutes(3))))) {
      farm.coordinator().submissions().submit(
          new SubmitOrder("noise.litmus", noise, List.of("arm64"), HarnessParams.newBuilder().setSeconds(5).build(), true, 3,
              Optional.empty()));
      long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
      List<String> row = List.of();
      while (System.nanoTime() < deadline) {
        row = row(farm, "SELECT r.state, r.mode, r.current_outcome, c.litmus, r.attempts::text, coalesce(r.error, '')"
            + " FROM reductions r JOIN programs p ON p.id = r.program_id JOIN programs c ON c.id = r.current_program_id"
            + " WHERE p.name = 'SB+atomic+noise'");
        if (!row.isEmpty() && (row.get(0).equals("done") || row.get(0).equals("failed"))) {
          break;
        }
        Thread.sleep(500);
      }
      if (row.isEmpty() || !row.get(0).equals("done")) {
        fail("the reduction did not finish: " + row);
      }
      assertEquals("emulated:qemu-aarch64-static", row.get(1));
      assertEquals("P0:r0=0; P1:r0=0", row.get(2));
      Size reduced = Size.of(Parser.parse("reduced.litmus", row.get(3)).program());
      assertTrue(reduced.goroutines() <= 2 && reduced.statements() <= 4 && reduced.objects() <= 2,
          "no larger than SB+atomic (2 goroutines, 4 statements, 2 variables): " + reduced + "\n" + row.get(3));
      assertTrue(row.get(3).contains("atomic.Store(&x, 1)"), row.get(3));
      assertEquals(List.of(row.get(4)), row(farm, "SELECT count(*)::text FROM reduction_tries"));
      assertEquals(List.of("emulated:qemu-aarch64-static arm64"), row(farm,
          "SELECT DISTINCT j.required_mode || ' ' || j.goarch FROM reduction_tries t JOIN jobs j ON j.submission_id = t.submission_id"));
    }
  }

  private static List<String> row(LocalFarm farm, String sql) throws SQLException {
    try (Connection c = farm.coordinator().database().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      List<String> out = new ArrayList<>();
      if (rs.next()) {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          out.add(rs.getString(i));
        }
      }
      return out;
    }
  }
}
