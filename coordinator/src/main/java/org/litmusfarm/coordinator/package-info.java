/**
 * The farm's coordinator: gRPC services for workers and clients, the job queue and leases in
 * PostgreSQL, the outcome ingester and violations.
 */
package org.litmusfarm.coordinator;
