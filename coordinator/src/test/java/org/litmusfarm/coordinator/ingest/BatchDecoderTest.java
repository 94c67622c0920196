package org.litmusfarm.coordinator.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.litmusfarm.schema.v1.OutcomeBatch;
import org.litmusfarm.schema.v1.OutcomeCount;
import org.litmusfarm.schema.v1.Provenance;

class BatchDecoderTest {
  private static final String PROGRAM = "ab".repeat(32);
  private final BatchDecoder decoder = new BatchDecoder(1024);

  private static OutcomeBatch.Builder good() {
    return OutcomeBatch.newBuilder()
        .setJobId("job-1")
        .setAttempt(1)
        .setSequence(0)
        .setProgramId(PROGRAM)
        .setProvenance(
            Provenance.newBuilder()
                .setArch("arm64")
                .setMode("emulated:qemu-aarch64-static")
                .setCpuModel("Intel(R) Xeon(R)")
                .setCores(2)
                .setGoVersion("go1.26.8")
                .setWorkerId("w1"))
        .setIterations(100)
        .setElapsedNs(5_000)
        .addCounts(OutcomeCount.newBuilder().setOutcome("P0:r0=0; P1:r0=1").setCount(60))
        .addCounts(OutcomeCount.newBuilder().setOutcome("P0:r0=1; P1:r0=0").setCount(40));
  }

  private RejectReason reasonFor(UnaryOperator<OutcomeBatch.Builder> change) {
    byte[] bytes = change.apply(good()).build().toByteArray();
    return assertThrows(RejectedBatchException.class, () -> decoder.decode(bytes)).reason();
  }

  @Test
  void aWellFormedBatchDecodesWithItsProvenanceAndCounts() throws Exception {
    ValidBatch b = decoder.decode(good().build().toByteArray());
    assertEquals(new ValidBatch.Key("job-1", 1, 0), b.key());
    assertEquals("emulated:qemu-aarch64-static", b.mode());
    assertTrue(b.emulated());
    assertEquals(Map.of("P0:r0=0; P1:r0=1", 60L, "P0:r0=1; P1:r0=0", 40L), b.counts());
    assertEquals(100, b.observations());
  }

  @Test
  void outcomeTextIsCanonicalisedAndRepeatedOutcomesAreSummed() throws Exception {
    OutcomeBatch.Builder b = good();
    b.addCounts(OutcomeCount.newBuilder().setOutcome("P0:r0 = 0 ;P1:r0=1").setCount(5));
    b.addCounts(OutcomeCount.newBuilder().setOutcome("P0:r0=0; P1:r0=0").setCount(0));
    ValidBatch v = decoder.decode(b.build().toByteArray());
    assertEquals(Map.of("P0:r0=0; P1:r0=1", 65L, "P0:r0=1; P1:r0=0", 40L), v.counts());
  }

  @Test
  void oversizedGarbageAndMissingValuesAreRejectedWithTheirReason() {
    assertEquals(
        RejectReason.OVERSIZED,
        assertThrows(RejectedBatchException.class, () -> decoder.decode(new byte[1025])).reason());
    byte[] garbage = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01, 0x02};
    assertEquals(
        RejectReason.UNPARSEABLE,
        assertThrows(RejectedBatchException.class, () -> decoder.decode(garbage)).reason());
    assertEquals(
        RejectReason.UNPARSEABLE,
        assertThrows(RejectedBatchException.class, () -> decoder.decode(null)).reason());
  }

  @Test
  void semanticallyBadBatchesAreRejectedWithTheirReason() {
    assertEquals(RejectReason.INVALID, reasonFor(b -> b.setJobId("")));
    assertEquals(RejectReason.INVALID, reasonFor(b -> b.setAttempt(0)));
    assertEquals(RejectReason.INVALID, reasonFor(b -> b.setSequence(-1)));
    assertEquals(RejectReason.INVALID, reasonFor(b -> b.setIterations(-1)));
    assertEquals(RejectReason.INVALID, reasonFor(b -> b.setElapsedNs(-1)));
    assertEquals(RejectReason.INVALID, reasonFor(b -> b.setProgramId("not-a-hash")));
    assertEquals(RejectReason.INVALID, reasonFor(b -> b.setJobId("job\u0000")));
    assertEquals(RejectReason.INVALID, reasonFor(b -> b.setJobId("j".repeat(BatchDecoder.MAX_ID + 1))));
    assertEquals(
        RejectReason.INVALID,
        reasonFor(b -> b.setProvenance(b.getProvenance().toBuilder().setCpuModel("é".repeat(200)))));
    assertEquals(
        RejectReason.INVALID,
        reasonFor(b -> b.addCounts(OutcomeCount.newBuilder().setOutcome("P0:r0=2").setCount(-3))));
    assertEquals(
        RejectReason.INVALID,
        reasonFor(b -> b.addCounts(OutcomeCount.newBuilder().setOutcome("x=1").setCount(Long.MAX_VALUE))));
    assertEquals(
        RejectReason.BAD_OUTCOME,
        reasonFor(b -> b.addCounts(OutcomeCount.newBuilder().setOutcome("P0:r0=zero").setCount(1))));
    assertEquals(
        RejectReason.BAD_OUTCOME,
        reasonFor(b -> b.addCounts(OutcomeCount.newBuilder().setOutcome(" ").setCount(1))));
  }

  @Test
  void provenanceWithoutArchOrModeIsRejected() {
    assertEquals(RejectReason.NO_PROVENANCE, reasonFor(OutcomeBatch.Builder::clearProvenance));
    assertEquals(
        RejectReason.NO_PROVENANCE,
        reasonFor(b -> b.setProvenance(b.getProvenance().toBuilder().setArch(""))));
    assertEquals(
        RejectReason.NO_PROVENANCE,
        reasonFor(b -> b.setProvenance(b.getProvenance().toBuilder().setMode(""))));
    assertEquals(
        RejectReason.INVALID,
        reasonFor(b -> b.setProvenance(b.getProvenance().toBuilder().setMode("qemu"))));
  }
}
