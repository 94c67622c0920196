/**
 * The {@code .litmus} text format: {@link org.litmusfarm.text.Parser} reads text into a validated
 * model program with a source map for diagnostics, {@link org.litmusfarm.text.Printer} writes the
 * canonical text, and {@link org.litmusfarm.text.Programs#id} names a program by that text. Depends
 * only on the model package and the JDK.
 */
package org.litmusfarm.text;
