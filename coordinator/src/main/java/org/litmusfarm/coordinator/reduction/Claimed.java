package org.litmusfarm.coordinator.reduction;

/**
 * A reduction this coordinator holds: where the violation was seen, and where it stands (the
 * smallest program that reproduced so far, the part of the outcome that makes it forbidden, and
 * the candidates already run).
 */
record Claimed(
    long id,
    String arch,
    String mode,
    String goVersion,
    String litmus,
    String outcome,
    int attempts,
    int accepted) {}
