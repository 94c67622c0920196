package org.litmusfarm.coordinator.fuzz;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One campaign's corpus as read inside a fuzzer step's transaction, in corpus order; changes are
 * written through to the database at once, in the same transaction.
 */
final class Corpus {
  /** A corpus program: id, canonical text, shape and energy. */
  record Entry(String programId, String litmus, String shape, int energy) {}

  private final Connection c;
  private final String campaignId;
  private final List<Entry> entries = new ArrayList<>();

  Corpus(Connection c, String campaignId) throws SQLException {
    this.c = c;
    this.campaignId = campaignId;
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT fc.program_id, p.litmus, fc.shape, fc.energy FROM fuzz_corpus fc JOIN programs p ON p.id = fc.program_id"
            + " WHERE fc.campaign_id = ? ORDER BY fc.position")) {
      ps.setString(1, campaignId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          entries.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)));
        }
      }
    }
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  List<Integer> energies() {
    return entries.stream().map(Entry::energy).toList();
  }

  boolean contains(String programId) {
    return index(programId) >= 0;
  }

  int energy(String programId) {
    int i = index(programId);
    return i < 0 ? 0 : entries.get(i).energy();
  }

  /** Appends a program (already stored in {@code programs}) to the corpus. */
  void add(String programId, String shape, String origin, int energy) throws SQLException {
    if (contains(programId)) {
      return;
    }
    Fuzzer.update(c, "INSERT INTO fuzz_corpus (campaign_id, program_id, position, shape, origin, energy) VALUES (?, ?, ?, ?, ?, ?)",
        campaignId, programId, entries.size(), shape, origin, energy);
    String litmus;
    try (PreparedStatement ps = c.prepareStatement("SELECT litmus FROM programs WHERE id = ?")) {
      ps.setString(1, programId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        litmus = rs.getString(1);
      }
    }
    entries.add(new Entry(programId, litmus, shape, energy));
  }

  void setEnergy(String programId, int energy) throws SQLException {
    int i = index(programId);
    if (i < 0) {
      return;
    }
    Entry e = entries.get(i);
    entries.set(i, new Entry(e.programId(), e.litmus(), e.shape(), energy));
    Fuzzer.update(c, "UPDATE fuzz_corpus SET energy = ? WHERE campaign_id = ? AND program_id = ?", energy, campaignId, programId);
  }

  void picked(Entry parent) throws SQLException {
    Fuzzer.update(c, "UPDATE fuzz_corpus SET picks = picks + 1 WHERE campaign_id = ? AND program_id = ?", campaignId, parent.programId());
  }

  private int index(String programId) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).programId().equals(programId)) {
        return i;
      }
    }
    return -1;
  }
}
