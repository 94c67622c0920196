/**
 * Violation reduction on the farm: every violation's program is shrunk by the generator's reducer,
 * each candidate re-run as a job on the architecture and in the execution mode where the violation
 * was seen; the smallest program that still shows it is stored with its reproducer.
 */
package org.litmusfarm.coordinator.reduction;
