/**
 * The farm's web dashboard: {@link org.litmusfarm.dashboard.Dashboard} serves HTML pages and a
 * JSON API over the farm's PostgreSQL database, and submits programs through the coordinator.
 */
package org.litmusfarm.dashboard;
