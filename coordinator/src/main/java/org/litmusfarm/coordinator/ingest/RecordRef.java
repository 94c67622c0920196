package org.litmusfarm.coordinator.ingest;

/** Where a Kafka record came from, for log lines. */
record RecordRef(String topic, int partition, long offset) {
  @Override
  public String toString() {
    return "topic=" + topic + " partition=" + partition + " offset=" + offset;
  }
}
