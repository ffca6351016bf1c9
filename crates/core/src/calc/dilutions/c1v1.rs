//! C1 x V1 = C2 x V2, solved for whichever one is left empty.

use super::super::spec::{free_quantity, output, Calculator, Category};
use super::super::{CalcError, Computed, FreeValue, Values};
use super::{in_unit_of, volume};

const CONCENTRATION_UNITS: &[&str] = &["mg/mL", "g/L", "mmol/L", "mol/L", "%", "1"];

pub const CALCULATOR: Calculator = Calculator {
    id: "c1v1",
    title: "C1V1 = C2V2",
    category: Category::Dilutions,
    inputs: &[
        free_quantity("c1", "Stock concentration (C1)", "mg/mL", CONCENTRATION_UNITS).optional(),
        volume("v1", "Stock volume (V1)").optional(),
        free_quantity("c2", "Final concentration (C2)", "mg/mL", CONCENTRATION_UNITS).optional(),
        volume("v2", "Final volume (V2)").optional(),
    ],
    outputs: &[
        output("c1", "Stock concentration (C1)", "mg/mL", 4),
        output("v1", "Stock volume to take (V1)", "mL", 3),
        output("c2", "Final concentration (C2)", "mg/mL", 4),
        output("v2", "Final volume (V2)", "mL", 3),
        output("diluent_volume", "Diluent to add (V2 - V1)", "mL", 3),
    ],
    formula: "C1 x V1 = C2 x V2; leave exactly one of C1, V1, C2, V2 empty",
    source: "Conservation of solute (any laboratory mathematics text)",
    validity: &["A dilution cannot concentrate: C2 must not exceed C1"],
    compute,
};

fn compute(values: &Values) -> Result<Computed, CalcError> {
    let (c1, c2) = (values.free("c1"), values.free("c2"));
    let (v1, v2) = (values.opt("v1"), values.opt("v2"));
    let missing = [c1.is_none(), v1.is_none(), c2.is_none(), v2.is_none()];
    if missing.iter().filter(|m| **m).count() != 1 {
        return Err(CalcError::invalid(
            "c1, v1, c2, v2",
            "leave exactly one of the four empty",
        ));
    }
    let concentrated = |input: &str| {
        CalcError::invalid(
            input,
            "a dilution cannot concentrate: C2 must not exceed C1 and V1 must not exceed V2",
        )
    };
    let unit_of = |c: &FreeValue| Some(c.unit.clone());
    let computed = match (c1, v1, c2, v2) {
        (Some(c1), None, Some(c2), Some(v2)) => {
            let c2 = in_unit_of(c2, c1, "c2")?;
            if c2 > c1.value {
                return Err(concentrated("c2"));
            }
            let v1 = c2 * v2 / c1.value;
            Computed::single("v1", v1).with("diluent_volume", v2 - v1)
        }
        (Some(c1), Some(v1), Some(c2), None) => {
            let c2 = in_unit_of(c2, c1, "c2")?;
            if c2 > c1.value {
                return Err(concentrated("c2"));
            }
            let v2 = c1.value * v1 / c2;
            Computed::single("v2", v2).with("diluent_volume", v2 - v1)
        }
        (None, Some(v1), Some(c2), Some(v2)) => {
            if v1 > v2 {
                return Err(concentrated("v1"));
            }
            Computed::default()
                .with_labelled("c1", c2.value * v2 / v1, None, unit_of(c2))
                .with("diluent_volume", v2 - v1)
        }
        (Some(c1), Some(v1), None, Some(v2)) => {
            if v1 > v2 {
                return Err(concentrated("v1"));
            }
            Computed::default()
                .with_labelled("c2", c1.value * v1 / v2, None, unit_of(c1))
                .with("diluent_volume", v2 - v1)
        }
        _ => {
            return Err(CalcError::invalid(
                "c1, v1, c2, v2",
                "leave exactly one of the four empty",
            ))
        }
    };
    Ok(computed)
}
