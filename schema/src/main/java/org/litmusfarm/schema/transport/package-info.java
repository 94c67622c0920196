/** How clients reach the coordinator: gRPC channels, plaintext or TLS, bearing the farm token. */
package org.litmusfarm.schema.transport;
