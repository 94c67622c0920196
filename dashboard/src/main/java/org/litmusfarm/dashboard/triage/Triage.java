package org.litmusfarm.dashboard.triage;

import org.litmusfarm.dashboard.read.NotFound;
import org.litmusfarm.dashboard.read.Sql;

/** Stores the triage people set on outcomes; the last one set wins. */
public final class Triage {
  /** Longest note kept. */
  public static final int MAX_NOTE = 2000;

  private static final String UPSERT =
      "INSERT INTO triage (program_id, arch, mode, outcome, state, note)"
          + " SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM programs WHERE id = ?)"
          + " ON CONFLICT (program_id, arch, mode, outcome)"
          + " DO UPDATE SET state = EXCLUDED.state, note = EXCLUDED.note, updated_at = now()";

  private final Sql sql;

  public Triage(Sql sql) {
    this.sql = sql;
  }

  /**
   * Sets the state and note of {@code key}.
   *
   * @throws IllegalArgumentException if the note is too long
   * @throws NotFound if there is no such program
   */
  public void set(TriageKey key, TriageState state, String note) {
    String n = note == null ? "" : note.strip();
    if (n.length() > MAX_NOTE) {
      throw new IllegalArgumentException("the note is longer than " + MAX_NOTE + " characters");
    }
    int changed =
        sql.update(UPSERT, key.programId(), key.arch(), key.mode(), key.outcome(), state.tag(), n, key.programId());
    if (changed == 0) {
      throw new NotFound("no program " + key.programId());
    }
  }
}
