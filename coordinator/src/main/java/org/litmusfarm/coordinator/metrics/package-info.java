/** The coordinator's Micrometer meters and their Prometheus endpoint. */
package org.litmusfarm.coordinator.metrics;
