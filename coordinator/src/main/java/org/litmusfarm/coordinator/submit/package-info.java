/**
 * Submissions: a program parsed, decided once by the oracle and stored with its outcome classes,
 * one queued job per target architecture; and the results read back per job.
 */
package org.litmusfarm.coordinator.submit;
