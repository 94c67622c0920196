package org.litmusfarm.coordinator.ingest;

/** Why a Kafka record was skipped; {@link #tag} is the metric tag value. */
enum RejectReason {
  OVERSIZED("oversized"),
  UNPARSEABLE("unparseable"),
  INVALID("invalid"),
  BAD_OUTCOME("bad-outcome"),
  NO_PROVENANCE("no-provenance"),
  UNKNOWN_JOB("unknown-job"),
  UNKNOWN_ATTEMPT("unknown-attempt"),
  PROGRAM_MISMATCH("program-mismatch"),
  ARCH_MISMATCH("arch-mismatch"),
  /** PostgreSQL refused the batch's rows for their content (a data or constraint error). */
  DATABASE_REFUSED("database-refused");

  private final String tag;

  RejectReason(String tag) {
    this.tag = tag;
  }

  String tag() {
    return tag;
  }
}
