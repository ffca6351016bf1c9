//! The calculator registry: one file per calculator, each declaring its inputs, outputs,
//! formula, source and validity limits. The UI, the command line and the tests all read it.
//!
//! `compute(id, &inputs)` converts each input to the unit its formula uses (through
//! `crate::units`, with the analyte's molar mass where mass and moles meet), checks plausible
//! ranges, runs the formula, and refuses non-finite or impossible results, so no caller can
//! ever show NaN, infinity or a negative volume.

mod common;
mod error;
mod inputs;
mod outcome;
mod recent;
mod resolve;
mod spec;

mod blood_bank;
mod body;
mod centrifuge;
mod chemistry;
mod dilutions;
mod hematology;
mod lipids;
mod renal;

pub use error::CalcError;
pub use inputs::{parse_assignment, InputValue, Inputs};
pub use outcome::{display, Column, Computed, Outcome, Output, Table, Value};
pub use recent::RecentCalculation;
pub use resolve::{FreeValue, Values};
pub use spec::{Calculator, Category, InputKind, InputSpec, OutputSpec};

/// The Martin-Hopkins factor table, public so that tests and screens can show it.
pub mod lipids_table {
    pub use super::lipids::{FACTORS, NON_HDL_LOWER_BOUNDS, TG_STRATA};
}

/// Every calculator, in the order the app lists them.
static REGISTRY: &[&Calculator] = &[
    &dilutions::c1v1::CALCULATOR,
    &dilutions::dilution_factor::CALCULATOR,
    &dilutions::serial_dilution::CALCULATOR,
    &dilutions::dilution_correction::CALCULATOR,
    &dilutions::standard_curve::CALCULATOR,
    &dilutions::stock_molar::CALCULATOR,
    &dilutions::stock_mass::CALCULATOR,
    &dilutions::percent_solution::CALCULATOR,
    &centrifuge::rcf_from_rpm::CALCULATOR,
    &centrifuge::rpm_from_rcf::CALCULATOR,
    &hematology::hemocytometer::CALCULATOR,
    &hematology::rbc_indices::CALCULATOR,
    &hematology::absolute_count::CALCULATOR,
    &hematology::wbc_corrected_nrbc::CALCULATOR,
    &hematology::reticulocyte::CALCULATOR,
    &hematology::mentzer_index::CALCULATOR,
    &hematology::inr::CALCULATOR,
    &chemistry::anion_gap::CALCULATOR,
    &chemistry::anion_gap_albumin::CALCULATOR,
    &chemistry::delta_gap::CALCULATOR,
    &chemistry::delta_ratio::CALCULATOR,
    &chemistry::delta_gap_albumin::CALCULATOR,
    &chemistry::delta_ratio_albumin::CALCULATOR,
    &chemistry::calcium_corrected::CALCULATOR,
    &chemistry::osmolality::CALCULATOR,
    &chemistry::osmolal_gap::CALCULATOR,
    &chemistry::sodium_corrected::CALCULATOR,
    &chemistry::transferrin_saturation::CALCULATOR,
    &chemistry::hba1c::CALCULATOR,
    &chemistry::homa_ir::CALCULATOR,
    &renal::egfr_ckd_epi_cr::CALCULATOR,
    &renal::egfr_ckd_epi_cr_cys::CALCULATOR,
    &renal::egfr_mdrd::CALCULATOR,
    &renal::cockcroft_gault::CALCULATOR,
    &renal::crcl_timed::CALCULATOR,
    &renal::fena::CALCULATOR,
    &lipids::friedewald::CALCULATOR,
    &lipids::martin_hopkins::CALCULATOR,
    &lipids::sampson::CALCULATOR,
    &blood_bank::rhig_dose::CALCULATOR,
    &body::bmi::CALCULATOR,
    &body::bsa_mosteller::CALCULATOR,
    &body::ideal_body_weight::CALCULATOR,
    &body::adjusted_body_weight::CALCULATOR,
];

/// Every calculator.
pub fn registry() -> &'static [&'static Calculator] {
    REGISTRY
}

/// The calculator with this id.
pub fn find(id: &str) -> Option<&'static Calculator> {
    REGISTRY.iter().copied().find(|c| c.id == id)
}

/// Runs one calculator on the given inputs.
pub fn compute(id: &str, inputs: &Inputs) -> Result<Outcome, CalcError> {
    let calculator = find(id).ok_or_else(|| CalcError::UnknownCalculator { id: id.to_string() })?;
    let values = resolve::resolve(calculator, inputs)?;
    let computed = (calculator.compute)(&values)?;
    resolve::finish(calculator, computed)
}
