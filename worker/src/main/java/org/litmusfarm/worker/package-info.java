/** The farm's worker: registration, leasing, building, running and publishing outcome counts. */
package org.litmusfarm.worker;
