/** Campaigns started by the coordinator on a cron schedule, each slot once across coordinators. */
package org.litmusfarm.coordinator.schedule;
