package org.litmusfarm.coordinator.lease;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import org.litmusfarm.schema.v1.HarnessParams;

/**
 * The JSON form in which a job's wire harness parameters are stored ({@code jobs.params}): the
 * protobuf JSON mapping, so a field added to {@code HarnessParams} needs no change here.
 */
public final class ParamsJson {
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();

  private ParamsJson() {}

  /** The JSON of {@code params}; fields at their default are left out. */
  public static String toJson(HarnessParams params) {
    try {
      return PRINTER.print(params);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("cannot print harness parameters: " + e.getMessage(), e);
    }
  }

  /**
   * The parameters {@code json} holds.
   *
   * @throws IllegalArgumentException if it is not the JSON of a {@code HarnessParams}
   */
  public static HarnessParams fromJson(String json) {
    HarnessParams.Builder builder = HarnessParams.newBuilder();
    try {
      PARSER.merge(json, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("malformed harness parameters: " + e.getMessage(), e);
    }
    return builder.build();
  }
}
