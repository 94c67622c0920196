/** Reading the farm database and the dashboard's rollups: one reader per page, rows as records. */
package org.litmusfarm.dashboard.read;
