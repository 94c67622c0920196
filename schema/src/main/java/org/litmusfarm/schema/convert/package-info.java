/** Conversions between the wire contracts and the generator's model. */
package org.litmusfarm.schema.convert;
