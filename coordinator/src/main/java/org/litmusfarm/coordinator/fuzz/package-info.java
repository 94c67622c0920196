/**
 * Outcome-guided fuzzing inside campaigns. The corpus starts as the campaign's catalog programs;
 * mutants of corpus programs (the litmus core's {@code Mutator}) run within the campaign's budget;
 * a mutant that shows a WEAK outcome signature the campaign had not seen, or a violation, joins the
 * corpus with energy, and a parent whose mutant showed nothing new loses energy. A WEAK outcome
 * signature is (shape, architecture, mode, outcome text): the shape is the catalog shape the
 * program descends from (mutants inherit their root's), and the outcome text is the observed
 * outcome in the program's own names. The mutator never renames registers or variables, so within
 * a shape equal texts mean equal observations; a mutant that adds a register or goroutine has new
 * texts, and counts as new behaviour. Every piece of state is in PostgreSQL.
 */
package org.litmusfarm.coordinator.fuzz;
