package org.litmusfarm.coordinator.ingest;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.litmusfarm.model.Outcome;
import org.litmusfarm.schema.v1.OutcomeBatch;
import org.litmusfarm.schema.v1.OutcomeCount;
import org.litmusfarm.schema.v1.Provenance;

/**
 * Turns a Kafka record value into a {@link ValidBatch}, or says why it cannot be one. Checks
 * everything the database would otherwise refuse (a refused row would fail the whole poll's
 * transaction again on every retry), so only facts about jobs remain for the database to check.
 */
final class BatchDecoder {
  /**
   * Longest accepted text fields, in UTF-8 bytes. Real values are far shorter; the bounds keep the
   * keys of outcome_counts and violations well under PostgreSQL's index row limit (about 2.7 kB),
   * which would otherwise refuse the row and fail the poll's transaction.
   */
  static final int MAX_ID = 128;
  static final int MAX_ARCH = 32;
  static final int MAX_MODE = 128;
  static final int MAX_CPU_MODEL = 256;
  static final int MAX_GO_VERSION = 64;
  static final int MAX_OUTCOME = 1024;

  private static final Pattern PROGRAM_ID = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern MODE = Pattern.compile("native|emulated:[A-Za-z0-9._+-]+");
  private static final Pattern ARCH = Pattern.compile("[a-z0-9_]+");

  private final int maxMessageBytes;

  BatchDecoder(int maxMessageBytes) {
    this.maxMessageBytes = maxMessageBytes;
  }

  ValidBatch decode(byte[] value) throws RejectedBatchException {
    if (value == null) {
      throw new RejectedBatchException(RejectReason.UNPARSEABLE, "record has no value");
    }
    if (value.length > maxMessageBytes) {
      throw new RejectedBatchException(
          RejectReason.OVERSIZED, value.length + " bytes, more than the limit of " + maxMessageBytes);
    }
    OutcomeBatch batch;
    try {
      batch = OutcomeBatch.parseFrom(value);
    } catch (InvalidProtocolBufferException e) {
      throw new RejectedBatchException(
          RejectReason.UNPARSEABLE, "not an OutcomeBatch: " + e.getMessage());
    }
    return check(batch);
  }

  static ValidBatch check(OutcomeBatch b) throws RejectedBatchException {
    String jobId = text("job_id", b.getJobId(), MAX_ID);
    if (jobId.isEmpty()) {
      throw invalid("empty job_id");
    }
    if (b.getAttempt() < 1) {
      throw invalid("attempt " + b.getAttempt() + " is not at least 1");
    }
    if (b.getSequence() < 0) {
      throw invalid("negative sequence " + b.getSequence());
    }
    String programId = text("program_id", b.getProgramId(), MAX_ID);
    if (!PROGRAM_ID.matcher(programId).matches()) {
      throw invalid("program_id '" + programId + "' is not a SHA-256 hex digest");
    }
    if (b.getIterations() < 0) {
      throw invalid("negative iterations " + b.getIterations());
    }
    if (b.getElapsedNs() < 0) {
      throw invalid("negative elapsed_ns " + b.getElapsedNs());
    }
    if (!b.hasProvenance()) {
      throw new RejectedBatchException(RejectReason.NO_PROVENANCE, "no provenance");
    }
    Provenance p = b.getProvenance();
    String arch = text("provenance.arch", p.getArch(), MAX_ARCH);
    String mode = text("provenance.mode", p.getMode(), MAX_MODE);
    if (arch.isEmpty() || mode.isEmpty()) {
      throw new RejectedBatchException(
          RejectReason.NO_PROVENANCE, "provenance lacks " + (arch.isEmpty() ? "arch" : "mode"));
    }
    if (!ARCH.matcher(arch).matches()) {
      throw invalid("provenance.arch '" + arch + "' is not a GOARCH");
    }
    if (!MODE.matcher(mode).matches()) {
      throw invalid("provenance.mode '" + mode + "' is neither native nor emulated:<emulator>");
    }
    if (p.getCores() < 0) {
      throw invalid("negative provenance.cores " + p.getCores());
    }
    return new ValidBatch(
        jobId,
        b.getAttempt(),
        b.getSequence(),
        programId,
        arch,
        mode,
        text("provenance.cpu_model", p.getCpuModel(), MAX_CPU_MODEL),
        p.getCores(),
        text("provenance.go_version", p.getGoVersion(), MAX_GO_VERSION),
        text("provenance.worker_id", p.getWorkerId(), MAX_ID),
        b.getIterations(),
        b.getElapsedNs(),
        counts(b));
  }

  /** Canonical outcome text to summed count; zero counts say nothing and are dropped. */
  private static SortedMap<String, Long> counts(OutcomeBatch b) throws RejectedBatchException {
    SortedMap<String, Long> counts = new TreeMap<>();
    long total = 0;
    for (OutcomeCount c : b.getCountsList()) {
      String raw = text("outcome", c.getOutcome(), MAX_OUTCOME);
      if (c.getCount() < 0) {
        throw invalid("negative count " + c.getCount() + " for outcome '" + raw + "'");
      }
      if (raw.isBlank()) {
        throw new RejectedBatchException(RejectReason.BAD_OUTCOME, "empty outcome text");
      }
      String canonical;
      try {
        canonical = Outcome.parse(raw).toString();
      } catch (IllegalArgumentException e) {
        throw new RejectedBatchException(
            RejectReason.BAD_OUTCOME, "outcome '" + raw + "': " + e.getMessage());
      }
      if (c.getCount() == 0) {
        continue;
      }
      try {
        total = Math.addExact(total, c.getCount());
        counts.merge(canonical, c.getCount(), Math::addExact);
      } catch (ArithmeticException e) {
        throw invalid("counts overflow a 64-bit integer");
      }
    }
    return counts;
  }

  /** A text field, refused when too long or carrying control characters (log and SQL safety). */
  private static String text(String field, String value, int maxBytes)
      throws RejectedBatchException {
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxBytes) {
      throw invalid(field + " is " + bytes + " bytes long, more than " + maxBytes);
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw invalid(field + " contains control character U+" + String.format("%04X", (int) value.charAt(i)));
      }
    }
    return value;
  }

  private static RejectedBatchException invalid(String detail) {
    return new RejectedBatchException(RejectReason.INVALID, detail);
  }
}
