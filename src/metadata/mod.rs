//! Document metadata: detection from the text alone ([`detect`]), the city
//! gazetteer ([`Gazetteer`]) and the manifest that overrides detected values
//! ([`Manifest`]).

mod detect;
mod gazetteer;
mod manifest;

pub use detect::detect;
pub use gazetteer::{Division, DivisionKind, Gazetteer, GazetteerError, PlaceMention};
pub use manifest::{Manifest, ManifestEntry, ManifestError};
