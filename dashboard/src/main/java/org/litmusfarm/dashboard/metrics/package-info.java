/** The dashboard's Prometheus metrics: request times by route, rollup refresh times. */
package org.litmusfarm.dashboard.metrics;
