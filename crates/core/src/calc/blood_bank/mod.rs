//! Blood bank: RhIG dose from a Kleihauer-Betke stain.

pub mod rhig_dose;
