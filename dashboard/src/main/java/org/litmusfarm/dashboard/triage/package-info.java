/** Triage of observed outcomes: states and notes people set. */
package org.litmusfarm.dashboard.triage;
