package org.litmusfarm.model;

/** A value a statement writes or compares with: a constant or a register (a data dependency). */
public sealed interface Operand permits Const, Reg {}
