package org.litmusfarm.dashboard.read;

import java.time.Instant;

/** A stored program: its canonical {@code .litmus} text and the oracle's verdict of its condition. */
public record ProgramInfo(String id, String name, String litmus, String verdict, boolean racy, Instant createdAt) {}
