/** The job queue in PostgreSQL: leases with expiry, renewal by heartbeat, bounded retries. */
package org.litmusfarm.coordinator.lease;
