//! Quality control: control lots, results, the Westgard multirule check and Levey-Jennings charts.
