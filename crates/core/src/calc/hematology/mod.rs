//! Hematology: hemocytometer counts, RBC indices, absolute counts, nRBC correction,
//! reticulocyte correction, the Mentzer index and the INR.

pub mod absolute_count;
pub mod hemocytometer;
pub mod inr;
pub mod mentzer_index;
pub mod rbc_indices;
pub mod reticulocyte;
pub mod wbc_corrected_nrbc;
