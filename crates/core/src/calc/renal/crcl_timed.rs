//! Creatinine clearance from a timed urine collection, optionally normalized to 1.73 m2.

use super::super::common::{CREATININE, URINE_CREATININE};
use super::super::spec::{output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "crcl-timed",
    title: "Creatinine clearance, timed urine",
    category: Category::Renal,
    inputs: &[
        URINE_CREATININE,
        quantity(
            "urine_volume",
            "Urine volume",
            "mL",
            &["mL", "L"],
            (1.0, 20_000.0),
            None,
        ),
        quantity(
            "collection_time",
            "Collection time",
            "min",
            &["h", "min"],
            (10.0, 4320.0),
            None,
        )
        .with_default(1440.0),
        CREATININE,
        quantity("bsa", "Body surface area", "m2", &["m2"], (0.1, 5.0), None).optional(),
    ],
    outputs: &[
        output("crcl", "Creatinine clearance", "mL/min", 0),
        output(
            "crcl_normalized",
            "Creatinine clearance per 1.73 m2",
            "mL/min/{1.73_m2}",
            0,
        ),
    ],
    formula: "CrCl = (Ucr x V) / (Pcr x t); normalized = CrCl x 1.73 / BSA",
    source: "Standard clearance formula (e.g. Tietz Textbook of Clinical Chemistry)",
    validity: &["Incomplete collections underestimate clearance; check the creatinine excretion per day"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let crcl = values.get("urine_creatinine")? * values.get("urine_volume")?
        / (values.get("creatinine")? * values.get("collection_time")?);
    let mut computed = Computed::single("crcl", crcl);
    if let Some(bsa) = values.opt("bsa") {
        computed = computed.with("crcl_normalized", crcl * 1.73 / bsa);
    }
    Ok(computed)
}
