//! The Martin-Hopkins 180-cell table of triglyceride:VLDL-C factors (data only).
//!
//! Values: Martin SS, Blaha MJ, Elshazly MB, et al. Comparison of a novel method vs the
//! Friedewald equation for estimating low-density lipoprotein cholesterol levels from the
//! standard lipid profile. JAMA 2013;310(19):2061-2068, the 180-cell table (30 triglyceride
//! strata x 6 non-HDL-C strata, mg/dL). Licence: the oracle copy of this table
//! (shared/oracles/lipids) was extracted from the GPL-3 R package LDLcalc, so that file is not
//! embedded; these numbers are the factual values of the published table, typed into this file
//! as data (the team's transcription, made from that copy and matching the two further
//! independent transcriptions its SOURCE.txt reports). `tests/lipid_conformance.rs` checks
//! every cell against the oracle copy, so a typo cannot pass unnoticed.

/// Triglyceride strata, inclusive, mg/dL (row order of `FACTORS`).
pub const TG_STRATA: [(u32, u32); 30] = [
    (7, 49),
    (50, 56),
    (57, 61),
    (62, 66),
    (67, 71),
    (72, 75),
    (76, 79),
    (80, 83),
    (84, 87),
    (88, 92),
    (93, 96),
    (97, 100),
    (101, 105),
    (106, 110),
    (111, 115),
    (116, 120),
    (121, 126),
    (127, 132),
    (133, 138),
    (139, 146),
    (147, 154),
    (155, 163),
    (164, 173),
    (174, 185),
    (186, 201),
    (202, 220),
    (221, 247),
    (248, 292),
    (293, 399),
    (400, 13975),
];

/// Lower bounds of the non-HDL-C strata, mg/dL: < 100, 100-129, 130-159, 160-189, 190-219,
/// >= 220 (column order of `FACTORS`).
pub const NON_HDL_LOWER_BOUNDS: [u32; 6] = [0, 100, 130, 160, 190, 220];

/// The factor F of LDL-C = non-HDL-C - TG / F, by triglyceride row and non-HDL-C column.
pub const FACTORS: [[f64; 6]; 30] = [
    [3.5, 3.4, 3.3, 3.3, 3.2, 3.1],
    [4.0, 3.9, 3.7, 3.6, 3.6, 3.4],
    [4.3, 4.1, 4.0, 3.9, 3.8, 3.6],
    [4.5, 4.3, 4.1, 4.0, 3.9, 3.9],
    [4.7, 4.4, 4.3, 4.2, 4.1, 3.9],
    [4.8, 4.6, 4.4, 4.2, 4.2, 4.1],
    [4.9, 4.6, 4.5, 4.3, 4.3, 4.2],
    [5.0, 4.8, 4.6, 4.4, 4.3, 4.2],
    [5.1, 4.8, 4.6, 4.5, 4.4, 4.3],
    [5.2, 4.9, 4.7, 4.6, 4.4, 4.3],
    [5.3, 5.0, 4.8, 4.7, 4.5, 4.4],
    [5.4, 5.1, 4.8, 4.7, 4.5, 4.3],
    [5.5, 5.2, 5.0, 4.7, 4.6, 4.5],
    [5.6, 5.3, 5.0, 4.8, 4.6, 4.5],
    [5.7, 5.4, 5.1, 4.9, 4.7, 4.5],
    [5.8, 5.5, 5.2, 5.0, 4.8, 4.6],
    [6.0, 5.5, 5.3, 5.0, 4.8, 4.6],
    [6.1, 5.7, 5.3, 5.1, 4.9, 4.7],
    [6.2, 5.8, 5.4, 5.2, 5.0, 4.7],
    [6.3, 5.9, 5.6, 5.3, 5.0, 4.8],
    [6.5, 6.0, 5.7, 5.4, 5.1, 4.8],
    [6.7, 6.2, 5.8, 5.4, 5.2, 4.9],
    [6.8, 6.3, 5.9, 5.5, 5.3, 5.0],
    [7.0, 6.5, 6.0, 5.7, 5.4, 5.1],
    [7.3, 6.7, 6.2, 5.8, 5.5, 5.2],
    [7.6, 6.9, 6.4, 6.0, 5.6, 5.3],
    [8.0, 7.2, 6.6, 6.2, 5.9, 5.4],
    [8.5, 7.6, 7.0, 6.5, 6.1, 5.6],
    [9.5, 8.3, 7.5, 7.0, 6.5, 5.9],
    [11.9, 10.0, 8.8, 8.1, 7.5, 6.7],
];
