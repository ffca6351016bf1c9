//! Absolute count of a cell type from the WBC and its differential percentage(s).

use super::super::common::WBC;
use super::super::spec::{output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "absolute-count",
    title: "Absolute count (e.g. ANC)",
    category: Category::Hematology,
    inputs: &[
        WBC,
        quantity(
            "percent",
            "Cell type (e.g. segmented neutrophils)",
            "%",
            &["%"],
            (0.0, 100.0),
            None,
        ),
        quantity(
            "bands_percent",
            "Bands (added for an ANC)",
            "%",
            &["%"],
            (0.0, 100.0),
            None,
        )
        .optional(),
    ],
    outputs: &[output("absolute_count", "Absolute count", "10*9/L", 2)],
    formula: "absolute = WBC x (% + % bands) / 100",
    source: "Standard differential arithmetic (ANC = WBC x (segs + bands) / 100)",
    validity: &[],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let percent = values.get("percent")? + values.opt("bands_percent").unwrap_or(0.0);
    if percent > 100.0 {
        return Err(CalcError::invalid(
            "bands_percent",
            "the percentages add up to more than 100",
        ));
    }
    Ok(Computed::single("absolute_count", values.get("wbc")? * percent / 100.0))
}
