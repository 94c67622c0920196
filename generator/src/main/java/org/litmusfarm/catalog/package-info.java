/**
 * The catalog of classic Go litmus tests: {@link org.litmusfarm.catalog.CatalogGenerator} builds
 * them as model programs with verdicts read from gomm.md, and {@link org.litmusfarm.catalog.Catalog}
 * loads the checked-in {@code catalog/*.litmus} files and {@code catalog/index.tsv}. Depends only
 * on the model.
 */
package org.litmusfarm.catalog;
