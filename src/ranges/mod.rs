//! The Reference ranges section: search, an analyte's intervals for a patient, flagging a
//! result, the critical-call log, and the lab's own table. The rules are core's
//! (`benchmate_core::ranges`); these components show them and store the lab's records.

mod analyte;
mod book;
mod call;
mod call_form;
mod calls;
mod flag;
mod home;
mod interval_form;
mod intervals;
mod lab_intervals;
mod lab_table;
mod patient;
mod time;

pub use analyte::AnalytePage;
pub use call::CallPage;
pub use calls::CallsPage;
pub use home::RangesPage;
pub use lab_table::LabTablePage;

/// A message from core ("no reference interval for a 3-day-old") as a sentence: capital
/// first letter, full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.trim().chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let rest = chars.as_str();
    let stop = if rest.ends_with(['.', ':', '!', '?']) { "" } else { "." };
    format!("{}{rest}{stop}", first.to_uppercase())
}
