/** Reports over what the farm observed: per-architecture campaign summaries and violations. */
package org.litmusfarm.coordinator.report;
