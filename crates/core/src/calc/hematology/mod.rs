//! Hematology: hemocytometer counts, RBC indices, absolute counts, nRBC correction,
//! reticulocyte correction, and the INR.

pub mod absolute_count;
pub mod hemocytometer;
pub mod inr;
pub mod rbc_indices;
pub mod reticulocyte;
pub mod wbc_corrected_nrbc;
