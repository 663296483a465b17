//! Document metadata: detection from the text alone ([`detect`]), the city
//! gazetteer ([`Gazetteer`]) and the manifest that overrides detected values
//! ([`Manifest`]).
//!
//! ```
//! use planlens::metadata::{detect, Gazetteer};
//! use planlens::model::{Period, PlanKind};
//!
//! let text = "日照市“十四五”科技创新发展规划\n为深入实施创新兴市战略，制定本规划。\n";
//! let meta = detect(text, Gazetteer::builtin());
//! assert_eq!(meta.city.as_deref(), Some("日照市"));
//! assert_eq!(meta.province.as_deref(), Some("山东省"));
//! assert_eq!(meta.kind, PlanKind::FiveYearPlan);
//! assert_eq!(meta.period, Some(Period { start: 2021, end: 2025 }));
//! ```

mod detect;
mod gazetteer;
mod manifest;

pub use detect::detect;
pub use gazetteer::{Division, DivisionKind, Gazetteer, GazetteerError, PlaceMention};
pub use manifest::{Manifest, ManifestEntry, ManifestError};
