//! Reading the GS1 barcodes on reagent boxes: element strings, scanner output and Digital Link URIs.
//!
//! [`parse`] takes whatever a scanner or a person typed (bracketed `(01)...(17)...`, raw data with
//! the group separator, AIM symbology prefixes such as `]d2`, or a `https://.../01/...` Digital
//! Link URI) and returns the Application Identifiers with checked, typed values. Every fault names
//! the AI and says what is wrong. Associations between AIs (GTIN required with a lot, ...) are
//! checked separately by [`check_associations`], because a box often carries its data in two
//! barcodes that are only complete together. [`read_label`] also reads HIBC labels (leading `+`)
//! and gives the fields a Receive form needs from either standard.

mod ai_rows;
mod associations;
mod digital_link;
mod element_string;
mod error;
pub mod hibc;
mod label;
pub mod lint;
mod scan;
mod separator;
pub mod table;
mod values;

pub use associations::{check_associations, check_exclusions, check_repeats, check_requisites};
pub use digital_link::parse_digital_link;
pub use element_string::{parse_bracketed, parse_raw, to_bracketed, to_fnc1_string};
pub use error::Gs1Error;
pub use hibc::{parse_hibc, HibcLabel};
pub use label::{read_label, LabelFields, ScannedLabel};
pub use scan::{parse, GROUP_SEPARATOR};
pub use separator::{missing_separator_hints, SeparatorHint};
pub use values::{full_year, Gs1Value};

use serde::{Deserialize, Serialize};

/// One Application Identifier read from a barcode, with its checked value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Element {
    /// The AI as printed, e.g. "17".
    pub ai: String,
    /// The dictionary's short title, e.g. "USE BY or EXPIRY".
    pub title: String,
    /// The value exactly as encoded.
    pub raw: String,
    /// The value's meaning: a date, a GTIN, a count, a measure or text.
    pub value: Gs1Value,
}

/// Finds the first element with the given AI.
pub fn find<'a>(elements: &'a [Element], ai: &str) -> Option<&'a Element> {
    elements.iter().find(|e| e.ai == ai)
}
