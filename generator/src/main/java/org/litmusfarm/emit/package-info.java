/**
 * Emits a litmus program as a self-contained Go harness ({@link org.litmusfarm.emit.GoEmitter})
 * with its knobs ({@link org.litmusfarm.emit.HarnessParams}, {@link
 * org.litmusfarm.emit.SyncMode}) and deliberately broken variants ({@link
 * org.litmusfarm.emit.Mutant}).
 */
package org.litmusfarm.emit;
