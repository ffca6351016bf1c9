//! RhIG vials from the fetal bleed measured by Kleihauer-Betke.

use super::super::spec::{output, quantity, Calculator, Category};
use super::super::{CalcError, Computed, Values};

pub const CALCULATOR: Calculator = Calculator {
    id: "rhig-dose",
    title: "RhIG dose (Kleihauer-Betke)",
    category: Category::BloodBank,
    inputs: &[
        quantity("fetal_cells", "Fetal cells (KB stain)", "%", &["%"], (0.0, 20.0), None),
        quantity("maternal_blood_volume", "Maternal blood volume", "mL", &["mL", "L"], (2000.0, 10_000.0), None)
            .with_default(5000.0),
        quantity("dose_coverage", "Fetal whole blood covered by one vial", "mL", &["mL"], (5.0, 100.0), None)
            .with_default(30.0),
    ],
    outputs: &[
        output("vials", "RhIG vials", "1", 0),
        output("fetal_bleed", "Fetal bleed (whole blood)", "mL", 1),
    ],
    formula: "fetal bleed [mL] = KB % x maternal blood volume / 100; vials = round up(bleed / 30 mL) + 1",
    source: "AABB Technical Manual (300 ug vial covers 30 mL fetal whole blood; one extra vial for the method's imprecision)",
    validity: &["Some protocols round to the nearest vial before adding one: follow the lab's SOP"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let bleed = values.get("fetal_cells")? * values.get("maternal_blood_volume")? / 100.0;
    let vials = (bleed / values.get("dose_coverage")?).ceil() + 1.0;
    Ok(Computed::single("vials", vials).with("fetal_bleed", bleed))
}
