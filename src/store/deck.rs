//! The presenter deck: charts the user collected for a full-screen show.

use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{Store, StoreError};

/// One slide of the deck.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slide {
    /// Slide id.
    pub id: i64,
    /// Position in the deck, from 0.
    pub position: i64,
    /// Title shown on the slide.
    pub title: String,
    /// The chart to render, as JSON (kind, documents, indicators, options),
    /// so the slide is redrawn from the current data at any size.
    pub chart_spec: String,
    /// When it was added (UTC).
    pub created_at: String,
}

impl Store {
    /// The slides in order.
    pub fn slides(&self) -> Result<Vec<Slide>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, position, title, chart_spec, created_at FROM deck_slides
             ORDER BY position, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Slide {
                id: r.get(0)?,
                position: r.get(1)?,
                title: r.get(2)?,
                chart_spec: r.get(3)?,
                created_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Appends a slide at the end; returns its id.
    pub fn add_slide(&mut self, title: &str, chart_spec: &str) -> Result<i64, StoreError> {
        self.conn.execute(
            "INSERT INTO deck_slides (position, title, chart_spec, created_at)
             VALUES ((SELECT coalesce(max(position) + 1, 0) FROM deck_slides), ?1, ?2,
                     strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
            params![title, chart_spec],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Removes a slide and closes the gap.
    pub fn remove_slide(&mut self, id: i64) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let n = tx.execute("DELETE FROM deck_slides WHERE id = ?1", [id])?;
        if n == 0 {
            return Err(StoreError::NoSuchSlide(id));
        }
        renumber(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Moves a slide to `position` (clamped to the deck).
    pub fn move_slide(&mut self, id: i64, position: usize) -> Result<(), StoreError> {
        let mut ids: Vec<i64> = self.slides()?.into_iter().map(|s| s.id).collect();
        let from = ids
            .iter()
            .position(|&x| x == id)
            .ok_or(StoreError::NoSuchSlide(id))?;
        ids.remove(from);
        ids.insert(position.min(ids.len()), id);
        let tx = self.conn.transaction()?;
        for (i, sid) in ids.iter().enumerate() {
            tx.execute(
                "UPDATE deck_slides SET position = ?2 WHERE id = ?1",
                params![sid, i as i64],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

fn renumber(tx: &rusqlite::Transaction<'_>) -> Result<(), StoreError> {
    let ids: Vec<i64> = {
        let mut stmt = tx.prepare("SELECT id FROM deck_slides ORDER BY position, id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    for (i, id) in ids.iter().enumerate() {
        tx.execute(
            "UPDATE deck_slides SET position = ?2 WHERE id = ?1",
            params![id, i as i64],
        )?;
    }
    Ok(())
}
