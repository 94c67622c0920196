package org.litmusfarm.reduce;

import org.litmusfarm.model.Program;

/**
 * One unchecked step towards a smaller program: the edited program (its {@code observe} list and
 * {@code exists} condition still the parent's, fixed by {@link Candidates}) and how the parent's
 * outcome carries over to it.
 *
 * @param description what was changed, for progress reports
 * @param draft the edited program
 * @param projection how the parent's outcome maps onto the draft
 */
record Edit(String description, Program draft, Projection projection) {}
