/**
 * The immutable model of a litmus program: declarations, goroutines, statements, the final
 * condition and outcomes. It does no I/O and depends only on the JDK; parsing, printing, the
 * oracle, the emitter and the mutator are sibling packages that depend on it.
 */
package org.litmusfarm.model;
