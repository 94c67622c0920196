/** The coordinator's gRPC services and their token authentication. */
package org.litmusfarm.coordinator.rpc;
