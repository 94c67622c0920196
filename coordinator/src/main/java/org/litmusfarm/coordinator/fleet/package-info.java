/** The workers known to the coordinator: registration, heartbeats and what each offers. */
package org.litmusfarm.coordinator.fleet;
