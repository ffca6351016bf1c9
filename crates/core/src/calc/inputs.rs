//! Inputs as given by a person or a script, before units and ranges are checked, and the
//! `NAME=VALUE[UNIT]` argument syntax shared by the command line and the UI.

use std::collections::BTreeMap;

use super::CalcError;

/// One input as given: a number with an optional unit, or a word (for choices).
#[derive(Clone, Debug, PartialEq)]
pub enum InputValue {
    Number { value: f64, unit: Option<String> },
    Text(String),
}

impl InputValue {
    /// A number in a unit.
    pub fn number(value: f64, unit: &str) -> InputValue {
        InputValue::Number {
            value,
            unit: Some(unit.to_string()),
        }
    }
}

/// The inputs of one calculation, by input name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Inputs(pub BTreeMap<String, InputValue>);

impl Inputs {
    pub fn new() -> Inputs {
        Inputs::default()
    }

    /// Adds a number with its unit.
    pub fn with(mut self, name: &str, value: f64, unit: &str) -> Inputs {
        self.0.insert(name.to_string(), InputValue::number(value, unit));
        self
    }

    /// Adds a word (a choice such as `sex=female`).
    pub fn with_text(mut self, name: &str, text: &str) -> Inputs {
        self.0.insert(name.to_string(), InputValue::Text(text.to_string()));
        self
    }

    /// Reads `NAME=VALUE[UNIT]` arguments; a repeated name is refused.
    pub fn parse<'a>(arguments: impl IntoIterator<Item = &'a str>) -> Result<Inputs, CalcError> {
        let mut inputs = Inputs::new();
        for argument in arguments {
            let (name, value) = parse_assignment(argument)?;
            if inputs.0.insert(name.clone(), value).is_some() {
                return Err(CalcError::BadAssignment {
                    text: argument.to_string(),
                    reason: format!("{name} is given twice"),
                });
            }
        }
        Ok(inputs)
    }
}

/// Reads `creatinine=1.09mg/dL`, `'creatinine=96 umol/L'`, `age=55` or `sex=male`.
///
/// The value is the longest leading number (digits, point, sign, exponent); what follows,
/// trimmed, is the unit. A value with no leading number is a word. Non-finite spellings
/// (`inf`, `NaN`) are words, and so are refused by numeric inputs.
pub fn parse_assignment(text: &str) -> Result<(String, InputValue), CalcError> {
    let bad = |reason: &str| CalcError::BadAssignment {
        text: text.to_string(),
        reason: reason.to_string(),
    };
    let (name, value) = text.split_once('=').ok_or_else(|| bad("expected NAME=VALUE"))?;
    let name = name.trim();
    let value = value.trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(bad("the name must be letters, digits and _"));
    }
    if value.is_empty() {
        return Err(bad("no value after ="));
    }
    let numeric_len = value
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    // Back off until the prefix is a number: in `5eq` the `e` starts the unit.
    let number = (1..=numeric_len)
        .rev()
        .find_map(|len| value[..len].parse::<f64>().ok().map(|v| (len, v)));
    let parsed = match number {
        Some((len, number)) if number.is_finite() => {
            let unit = value[len..].trim();
            InputValue::Number {
                value: number,
                unit: (!unit.is_empty()).then(|| unit.to_string()),
            }
        }
        Some(_) => return Err(bad("the number is too large")),
        None => InputValue::Text(value.to_string()),
    };
    Ok((name.to_string(), parsed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, name: &str, expect: InputValue) {
        assert_eq!(parse_assignment(text), Ok((name.to_string(), expect)), "{text}");
    }

    #[test]
    fn reads_values_and_units() {
        let num = |v: f64, u: Option<&str>| InputValue::Number {
            value: v,
            unit: u.map(str::to_string),
        };
        check("creatinine=1.09mg/dL", "creatinine", num(1.09, Some("mg/dL")));
        check("creatinine=96 umol/L", "creatinine", num(96.0, Some("umol/L")));
        check("age=55", "age", num(55.0, None));
        check("rcf=1.5e3", "rcf", num(1500.0, None));
        check("sodium=140mEq/L", "sodium", num(140.0, Some("mEq/L")));
        check("x=5eq", "x", num(5.0, Some("eq")));
        check("x=-3", "x", num(-3.0, None));
        check("sex=male", "sex", InputValue::Text("male".into()));
        check("x=inf", "x", InputValue::Text("inf".into()));
        check(" weight = 70 kg ", "weight", num(70.0, Some("kg")));
    }

    #[test]
    fn refuses_malformed_arguments() {
        for text in ["creatinine", "=5", "a b=5", "x=", "x=1e999"] {
            assert!(
                matches!(parse_assignment(text), Err(CalcError::BadAssignment { .. })),
                "{text}"
            );
        }
        assert!(Inputs::parse(["a=1", "a=2"]).is_err());
    }
}
