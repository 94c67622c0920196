package org.litmusfarm.oracle;

import java.util.List;
import org.litmusfarm.model.Problem;
import org.litmusfarm.model.Stmt;

/**
 * One instruction of a flattened goroutine body. {@code obj} indexes the shared object of its kind
 * (variable, channel, mutex, wait group or once); {@code next} is the index after the block for
 * {@code IF} and {@code ONCE}; {@code depth} counts the blocks around it.
 */
record Instr(Op op, Stmt stmt, List<Integer> path, int goroutine, int depth, int obj, int next) {
  Problem.Where where() {
    return new Problem.Where.InStmt(goroutine, path);
  }
}
