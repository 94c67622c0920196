/** Campaigns: named specs run as submissions over the catalog, with progress from the database. */
package org.litmusfarm.coordinator.campaign;
