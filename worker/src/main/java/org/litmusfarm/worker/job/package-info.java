/**
 * Running one leased job: validating its {@code .litmus} text, building its harness once (with a
 * binary cache), hammering it in periodic batches and publishing each batch's outcome counts.
 */
package org.litmusfarm.worker.job;
