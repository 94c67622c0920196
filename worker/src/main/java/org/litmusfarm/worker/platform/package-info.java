/**
 * What a worker runs on: the host's architecture in GOARCH naming, its CPU model and core count,
 * whether it runs another architecture under a user-mode emulator, and its Go toolchains.
 */
package org.litmusfarm.worker.platform;
