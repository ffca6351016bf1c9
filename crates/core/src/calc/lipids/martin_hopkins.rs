//! LDL cholesterol by Martin-Hopkins: non-HDL-C - TG / F, F from the 180-cell table.

use super::super::common::{HDL, TOTAL_CHOLESTEROL, TRIGLYCERIDES};
use super::super::spec::{output, Calculator, Category};
use super::super::{CalcError, Computed, Values};
use super::{FACTORS, NON_HDL_LOWER_BOUNDS, TG_STRATA};

pub const CALCULATOR: Calculator = Calculator {
    id: "ldl-martin-hopkins",
    title: "LDL cholesterol, Martin-Hopkins",
    category: Category::Lipids,
    inputs: &[TOTAL_CHOLESTEROL, HDL, TRIGLYCERIDES],
    outputs: &[
        output("ldl", "LDL cholesterol (Martin-Hopkins)", "mg/dL", 0),
        output("factor", "TG:VLDL-C factor used", "1", 1),
    ],
    formula: "LDL = (TC - HDL) - TG / F; F from the 180-cell table by TG and non-HDL-C strata (mg/dL, rounded to whole mg/dL for the lookup)",
    source: "Martin SS et al. JAMA 2013;310(19):2061-8",
    validity: &["180-cell table validated for triglycerides below 400 mg/dL"],
    compute,
};

/// The factor for a triglyceride and non-HDL-C value (mg/dL), and whether the triglyceride
/// value lay outside the table's strata (7 to 13,975 mg/dL).
pub fn factor(triglycerides: f64, non_hdl: f64) -> (f64, bool) {
    // The strata are whole mg/dL; 49.6 belongs with 50.
    let tg = triglycerides.round();
    let non_hdl = non_hdl.round();
    let last_row = TG_STRATA.len() - 1;
    let row = TG_STRATA
        .iter()
        .position(|&(_, high)| tg <= f64::from(high))
        .unwrap_or(last_row);
    let column = NON_HDL_LOWER_BOUNDS
        .iter()
        .rposition(|&low| non_hdl >= f64::from(low))
        .unwrap_or(0);
    let outside = tg < f64::from(TG_STRATA[0].0) || tg > f64::from(TG_STRATA[last_row].1);
    (FACTORS[row][column], outside)
}

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let (total, hdl, tg) = super::lipids(values)?;
    let non_hdl = total - hdl;
    let (f, outside) = factor(tg, non_hdl);
    Ok(Computed::single("ldl", non_hdl - tg / f)
        .with("factor", f)
        .warn_if(
            tg >= 400.0,
            "Triglycerides >= 400 mg/dL: outside the validated range of the 180-cell table; consider direct LDL",
        )
        .warn_if(
            outside,
            "Triglycerides outside the table's strata (7 to 13,975 mg/dL): the nearest row was used",
        ))
}
