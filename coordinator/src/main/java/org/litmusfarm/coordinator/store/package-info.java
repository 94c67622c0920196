/** The farm's PostgreSQL database: connection pool and schema migrations. */
package org.litmusfarm.coordinator.store;
