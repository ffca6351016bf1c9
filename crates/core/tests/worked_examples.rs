//! The worked examples of domain-facts.md, one `check` per row, through `calc::compute`
//! exactly as the UI and the command line call it. Expected values are the sources'; where
//! a row is marked [C] the arithmetic is shown.

use benchmate_core::calc::{self, Inputs};

/// Reads `name=value[unit]` arguments as the command line does.
fn inputs(arguments: &[&str]) -> Inputs {
    Inputs::parse(arguments.iter().copied()).expect("test arguments parse")
}

/// Computes `id` and compares output `output` with `expect` within `tolerance`.
fn check(id: &str, arguments: &[&str], output: &str, expect: f64, tolerance: f64, source: &str) {
    let outcome =
        calc::compute(id, &inputs(arguments)).unwrap_or_else(|e| panic!("{id} {arguments:?} ({source}): {e}"));
    let got = outcome
        .value(output)
        .unwrap_or_else(|| panic!("{id}: no output {output} in {outcome:?}"));
    assert!(
        (got - expect).abs() <= tolerance,
        "{id} {arguments:?} -> {output} = {got}, expected {expect} +/- {tolerance} ({source})"
    );
}

#[test]
fn dilutions_and_solutions() {
    // #1: 10 -> 0.5 mg/mL in 20 mL: V1 = 0.5 x 20 / 10 = 1.0 mL; diluent 19 mL.
    let c1v1 = ["c1=10mg/mL", "c2=0.5mg/mL", "v2=20mL"];
    check("c1v1", &c1v1, "v1", 1.0, 1e-12, "facts #1 [C]");
    check("c1v1", &c1v1, "diluent_volume", 19.0, 1e-12, "facts #1 [C]");
    // Any concentration unit works as long as C1 and C2 agree: 10 mg/mL = 10 g/L.
    check(
        "c1v1",
        &["c1=10g/L", "c2=500ug/mL", "v2=20mL"],
        "v1",
        1.0,
        1e-12,
        "facts #1 [C]",
    );
    check(
        "c1v1",
        &["c1=10mg/mL", "v1=1mL", "v2=20mL"],
        "c2",
        0.5,
        1e-12,
        "facts #1 [C]",
    );
    check(
        "c1v1",
        &["v1=1mL", "c2=0.5mg/mL", "v2=20mL"],
        "c1",
        10.0,
        1e-12,
        "facts #1 [C]",
    );
    check(
        "c1v1",
        &["c1=10mg/mL", "v1=1mL", "c2=0.5mg/mL"],
        "v2",
        20.0,
        1e-12,
        "facts #1 [C]",
    );
    // #2: a 1:20 WBC pipette: 0.05 mL blood + 0.95 mL diluent.
    check(
        "dilution-factor",
        &["sample_volume=0.05mL", "diluent_volume=0.95mL"],
        "dilution_factor",
        20.0,
        1e-12,
        "facts #2",
    );
    // #3: 5 x 1:10 = 1:10^5.
    check(
        "serial-dilution",
        &["dilution_factor=10", "tubes=5", "tube_volume=1mL"],
        "final_dilution",
        1e5,
        1e-6,
        "facts #3 [C]",
    );
    // #4: 0.15 M NaCl (MW 58.44), 500 mL -> 0.15 x 0.5 x 58.44 = 4.383 g.
    check(
        "stock-molar",
        &["concentration=0.15mol/L", "volume=500mL", "molecular_weight=58.44"],
        "mass",
        4.383,
        1e-9,
        "facts #4 [C]",
    );
    check(
        "stock-molar",
        &["concentration=150 mmol/L", "volume=0.5 L", "molecular_weight=58.44"],
        "mass",
        4.383,
        1e-9,
        "facts #4 [C]",
    );
    // #5: 0.9 % w/v saline, 1000 mL -> 9 g; 70 % v/v of 100 mL -> 70 mL; 5 % w/w of 200 g -> 10 g.
    check(
        "percent-solution",
        &["kind=w/v", "percent=0.9", "volume=1000mL"],
        "solute",
        9.0,
        1e-12,
        "facts #5 [C]",
    );
    check(
        "percent-solution",
        &["kind=v/v", "percent=70", "volume=100mL"],
        "solute",
        70.0,
        1e-12,
        "facts #5 [C]",
    );
    check(
        "percent-solution",
        &["kind=w/w", "percent=5", "mass=200g"],
        "solvent",
        190.0,
        1e-12,
        "facts #5 [C]",
    );
    // Dilution correction: 250 mg/dL measured at 1:5 -> 1250 mg/dL.
    check(
        "dilution-correction",
        &["result=250mg/dL", "dilution_factor=5"],
        "corrected",
        1250.0,
        1e-9,
        "[C]",
    );
}

#[test]
fn centrifuge_and_hematology() {
    // #8: r 5 cm, 10,000 rpm -> 1.118e-5 x 5 x 1e8 = 5,590 g (passetra.com).
    check(
        "rcf-from-rpm",
        &["rpm=10000", "radius=5cm"],
        "rcf",
        5590.0,
        0.5,
        "facts #8",
    );
    check(
        "rcf-from-rpm",
        &["rpm=10000", "radius=50mm"],
        "rcf",
        5590.0,
        0.5,
        "facts #8",
    );
    // #8: 1,500 g at 15 cm -> sqrt(1500 / (1.118e-5 x 15)) = 2,990.7 rpm.
    check(
        "rpm-from-rcf",
        &["rcf=1500", "radius=15cm"],
        "rpm",
        2991.0,
        0.5,
        "facts #8 [C]",
    );
    // #9: WBC 1:20, 4 large squares -> N x 20 / (4 x 1 x 0.1) = N x 50; N = 100 -> 5,000/uL.
    check(
        "hemocytometer",
        &["cells_counted=100", "squares_counted=4", "dilution_factor=20"],
        "cells_per_ul",
        5000.0,
        1e-9,
        "facts #9",
    );
    // #9: 45 cells per square x DF 5 x 10^4 = 2.25 x 10^6 per mL.
    check(
        "hemocytometer",
        &["cells_counted=45", "squares_counted=1", "dilution_factor=5"],
        "cells_per_ml",
        2.25e6,
        1e-3,
        "facts #9",
    );
    // #28: Hct 45, RBC 5.0, Hb 15 -> 90 fL, 30 pg, 33.3 g/dL.
    let indices = ["hematocrit=45", "rbc=5.0", "hemoglobin=15"];
    check("rbc-indices", &indices, "mcv", 90.0, 1e-9, "facts #28 [C]");
    check("rbc-indices", &indices, "mch", 30.0, 1e-9, "facts #28 [C]");
    check("rbc-indices", &indices, "mchc", 33.33, 0.01, "facts #28 [C]");
    // The same in other units: RBC 5.0 x 10^6/uL, Hb 150 g/L.
    check(
        "rbc-indices",
        &["hematocrit=45", "rbc=5.0 10*6/uL", "hemoglobin=150 g/L"],
        "mch",
        30.0,
        1e-9,
        "facts #28 [C]",
    );
    // #29: 8.0 x 60 % -> 4.8 x 10^9/L; the WBC typed as 8.0 K/uL is the same number.
    check(
        "absolute-count",
        &["wbc=8.0", "percent=60"],
        "absolute_count",
        4.8,
        1e-12,
        "facts #29 [C]",
    );
    check(
        "absolute-count",
        &["wbc=8.0 K/uL", "percent=55", "bands_percent=5"],
        "absolute_count",
        4.8,
        1e-12,
        "facts #29 [C]",
    );
    // #30: 18.0 with 25 nRBC -> 18 x 100 / 125 = 14.4.
    check(
        "wbc-corrected-nrbc",
        &["wbc=18.0", "nrbc=25"],
        "wbc_corrected",
        14.4,
        1e-12,
        "facts #30 [C]",
    );
    // #31: 6 %, Hct 25 -> 6 x 25 / 45 = 3.33 %; RPI 3.33 / 2.0 = 1.67.
    let retic = ["reticulocytes=6", "hematocrit=25", "rbc=2.8"];
    check(
        "reticulocyte-corrected",
        &retic,
        "reticulocytes_corrected",
        3.333,
        0.001,
        "facts #31 [C]",
    );
    check("reticulocyte-corrected", &retic, "rpi", 1.667, 0.001, "facts #31 [C]");
    // #32: 6 % x 2.8 x 10^12/L -> 168 x 10^9/L.
    check(
        "reticulocyte-corrected",
        &retic,
        "reticulocytes_absolute",
        168.0,
        1e-9,
        "facts #32 [C]",
    );
    // #33: (24/12)^1.3 = 2.46.
    check(
        "inr",
        &["pt=24", "mnpt=12", "isi=1.3"],
        "inr",
        2.462,
        0.001,
        "facts #33 [C]",
    );
    // #34: 65 / 5.5 -> 11.8.
    check(
        "mentzer-index",
        &["mcv=65", "rbc=5.5"],
        "mentzer_index",
        11.82,
        0.005,
        "facts #34 [C]",
    );
    // #35: 1 % -> 50 mL -> ceil(50/30) = 2, + 1 = 3 vials.
    check(
        "rhig-dose",
        &["fetal_cells=1"],
        "fetal_bleed",
        50.0,
        1e-12,
        "facts #35 [C]",
    );
    check("rhig-dose", &["fetal_cells=1"], "vials", 3.0, 0.0, "facts #35 [C]");
}

#[test]
fn chemistry() {
    // #10: 140/110/9.4 -> 20.6 (MedCalc-Bench).
    check(
        "anion-gap",
        &["sodium=140", "chloride=110", "bicarbonate=9.4"],
        "anion_gap",
        20.6,
        1e-9,
        "facts #10",
    );
    check(
        "anion-gap",
        &["sodium=140mEq/L", "chloride=110 mEq/L", "bicarbonate=9.4mmol/L"],
        "anion_gap",
        20.6,
        1e-9,
        "facts #10",
    );
    // #11: 127/101/9, albumin 1.8 -> 17 + 2.5 x 2.2 = 22.5.
    check(
        "anion-gap-albumin-corrected",
        &["sodium=127", "chloride=101", "bicarbonate=9", "albumin=1.8"],
        "anion_gap_corrected",
        22.5,
        1e-9,
        "facts #11",
    );
    check(
        "anion-gap-albumin-corrected",
        &["sodium=127", "chloride=101", "bicarbonate=9", "albumin=18g/L"],
        "anion_gap_corrected",
        22.5,
        1e-9,
        "facts #11",
    );
    // #12: 142/123/14 -> AG 5, delta gap -7.0; 148/117/8.6 -> (22.4 - 12)/(15.4) = 0.675.
    check(
        "delta-gap",
        &["sodium=142", "chloride=123", "bicarbonate=14"],
        "delta_gap",
        -7.0,
        1e-9,
        "facts #12",
    );
    check(
        "delta-ratio",
        &["sodium=148", "chloride=117", "bicarbonate=8.6"],
        "delta_ratio",
        0.675,
        0.001,
        "facts #12",
    );
    // #13: Ca 8.4, albumin 33 g/L -> 8.4 + 0.8 x 0.7 = 8.96 mg/dL.
    check(
        "calcium-corrected-albumin",
        &["calcium=8.4", "albumin=33 g/L"],
        "calcium_corrected",
        8.96,
        1e-9,
        "facts #13",
    );
    // #14: 136.4/125/11 -> 272.8 + 6.944 + 3.929 = 283.67; gap 300 - 290 = 10.
    check(
        "osmolality-calculated",
        &["sodium=136.4", "glucose=125", "bun=11"],
        "osmolality",
        283.67,
        0.01,
        "facts #14",
    );
    // Osmolal gap, [C]: Na 140, glucose 90, BUN 14 -> 280 + 5 + 5 = 290; measured 300 -> 10.
    check(
        "osmolal-gap",
        &["osmolality_measured=300", "sodium=140", "glucose=90", "bun=14"],
        "osmolal_gap",
        10.0,
        1e-9,
        "facts #14 [C]",
    );
    // #15: Na 132, glucose 350 -> 132 + 0.024 x 250 = 138.
    check(
        "sodium-corrected-glucose",
        &["sodium=132", "glucose=350"],
        "sodium_corrected",
        138.0,
        1e-9,
        "facts #15",
    );
    // #25: 7 % -> 10.929 x 4.85 = 53.0 mmol/mol; eAG 28.7 x 7 - 46.7 = 154.2 mg/dL.
    check("hba1c-conversion", &["hba1c=7"], "ifcc", 53.0, 0.05, "facts #25 [C]");
    check("hba1c-conversion", &["hba1c=7"], "eag", 154.2, 1e-9, "facts #25 [C]");
    // #26: 298 x 14.5 / 405 = 10.67.
    check(
        "homa-ir",
        &["glucose=298", "insulin=14.5"],
        "homa_ir",
        10.67,
        0.005,
        "facts #26",
    );
    check(
        "homa-ir",
        &["glucose=298", "insulin=14.5 mIU/L"],
        "homa_ir",
        10.67,
        0.005,
        "facts #26",
    );
    // #27: 60 / 400 -> 15 %.
    check(
        "transferrin-saturation",
        &["iron=60", "tibc=400"],
        "transferrin_saturation",
        15.0,
        1e-9,
        "facts #27 [C]",
    );
    // #20: FENa 0.0742 % (MedCalc-Bench case: UNa 12, PCr 1.56, PNa 197, UCr 128.1).
    check(
        "fena",
        &[
            "urine_sodium=12",
            "creatinine=1.56",
            "sodium=197",
            "urine_creatinine=128.1",
        ],
        "fena",
        0.0742,
        0.00005,
        "facts #20",
    );
}
