//! Unit codes as people read them on a screen: `umol/L` is shown as `µmol/L`, `10*9/L` as
//! `×10⁹/L`, `meq/L` as `mEq/L`. Display only: inputs and stored values keep the UCUM code.

/// The way a lab writes the unit with this UCUM code.
pub fn label(code: &str) -> String {
    let code = code.trim();
    if code == "1" || code.is_empty() {
        return String::new();
    }
    let mut out = String::with_capacity(code.len() + 4);
    let mut term = String::new();
    let mut in_annotation = false;
    for c in code.chars() {
        match c {
            '{' => in_annotation = true,
            '}' => in_annotation = false,
            _ => {}
        }
        if (c == '/' || c == '.') && !in_annotation {
            out.push_str(&term_label(&term));
            out.push(if c == '/' { '/' } else { '·' });
            term.clear();
        } else {
            term.push(c);
        }
    }
    out.push_str(&term_label(&term));
    out
}

/// One term between `/` and `.`.
fn term_label(term: &str) -> String {
    if let Some(power) = term.strip_prefix("10*").or_else(|| term.strip_prefix("10^")) {
        return format!("×10{}", superscript(power));
    }
    if let Some(annotation) = term.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
        return annotation.replace("_m2", " m²").replace('_', " ");
    }
    let named = match term {
        "Cel" => Some("°C"),
        "[g]" => Some("× g"),
        "mm[Hg]" => Some("mmHg"),
        "[IU]" | "[iU]" => Some("IU"),
        "m[IU]" | "m[iU]" => Some("mIU"),
        "u[IU]" | "u[iU]" => Some("µIU"),
        "[in_i]" => Some("in"),
        "[lb_av]" => Some("lb"),
        "a" => Some("y"),
        "mo" => Some("mo"),
        "eq" => Some("Eq"),
        "meq" => Some("mEq"),
        "ueq" => Some("µEq"),
        _ => None,
    };
    if let Some(named) = named {
        return named.to_string();
    }
    // A trailing exponent (m2, cm3) is written as a superscript.
    let mut digits_from = term.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits_from < term.len() && term[..digits_from].ends_with('-') {
        digits_from -= 1;
    }
    let (base, exponent) = term.split_at(digits_from);
    let base = match base.strip_prefix('u') {
        Some(rest) if !rest.is_empty() && !rest.starts_with('[') => format!("µ{rest}"),
        _ => base.to_string(),
    };
    if base.is_empty() || exponent.is_empty() {
        return format!("{base}{exponent}");
    }
    format!("{base}{}", superscript(exponent))
}

fn superscript(digits: &str) -> String {
    digits
        .chars()
        .map(|c| match c {
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            '9' => '⁹',
            '-' => '⁻',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::label;

    fn check(code: &str, expect: &str) {
        assert_eq!(label(code), expect, "label of {code}");
    }

    #[test]
    fn codes_read_as_a_lab_writes_them() {
        check("mg/dL", "mg/dL");
        check("umol/L", "µmol/L");
        check("ug/dL", "µg/dL");
        check("10*9/L", "×10⁹/L");
        check("10*3/uL", "×10³/µL");
        check("meq/L", "mEq/L");
        check("m[IU]/mL", "mIU/mL");
        check("mm[Hg]", "mmHg");
        check("[g]", "× g");
        check("m2", "m²");
        check("kg/m2", "kg/m²");
        check("mL/min/{1.73_m2}", "mL/min/1.73 m²");
        check("Cel", "°C");
        check("%", "%");
        check("1", "");
        check("g.mol-1", "g·mol⁻¹");
        check("U/L", "U/L");
    }
}
