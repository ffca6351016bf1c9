//! Kidney function: eGFR (CKD-EPI 2021, MDRD), creatinine clearance (Cockcroft-Gault, timed)
//! and the fractional excretion of sodium.
//!
//! Creatinine is converted with 1 mg/dL = 88.4 umol/L (the AMA/JAMA table, domain-facts.md);
//! some packages use 88.42, which moves an eGFR by under 0.03 %, so tests compare with a
//! tolerance.

pub mod cockcroft_gault;
pub mod crcl_timed;
pub mod egfr_ckd_epi_cr;
pub mod egfr_ckd_epi_cr_cys;
pub mod egfr_mdrd;
pub mod fena;

/// The adult-only warning shared by the equations developed in adults.
const ADULTS_ONLY: &str =
    "Developed in adults (18 years and older); use a paediatric equation (e.g. CKiD) for children";
