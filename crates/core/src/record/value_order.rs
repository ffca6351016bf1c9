//! A total order on field values, used only to break ties between two writes that carry the
//! same stamp, so that every replica picks the same one whatever order they arrived in.

use std::cmp::Ordering;

use serde_json::Value;

/// A value a register can hold: it needs a total order that agrees with `==`.
pub trait FieldValue: Clone + PartialEq {
    fn total_cmp(&self, other: &Self) -> Ordering;
}

impl FieldValue for bool {
    fn total_cmp(&self, other: &bool) -> Ordering {
        self.cmp(other)
    }
}

impl FieldValue for Value {
    fn total_cmp(&self, other: &Value) -> Ordering {
        json_cmp(self, other)
    }
}

/// Orders JSON values by type (null, bool, number, string, array, object), then by content.
/// Objects compare as their sorted key-value lists, so key order never matters. Numbers
/// compare by value, then by their text, so that only identical numbers are equal.
pub fn json_cmp(a: &Value, b: &Value) -> Ordering {
    fn rank(v: &Value) -> u8 {
        match v {
            Value::Null => 0,
            Value::Bool(_) => 1,
            Value::Number(_) => 2,
            Value::String(_) => 3,
            Value::Array(_) => 4,
            Value::Object(_) => 5,
        }
    }
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (Value::Number(x), Value::Number(y)) => {
            let (fx, fy) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
            fx.total_cmp(&fy).then_with(|| x.to_string().cmp(&y.to_string()))
        }
        (Value::String(x), Value::String(y)) => x.cmp(y),
        (Value::Array(x), Value::Array(y)) => {
            for (xi, yi) in x.iter().zip(y) {
                let order = json_cmp(xi, yi);
                if order != Ordering::Equal {
                    return order;
                }
            }
            x.len().cmp(&y.len())
        }
        (Value::Object(x), Value::Object(y)) => {
            let mut xs: Vec<_> = x.iter().collect();
            let mut ys: Vec<_> = y.iter().collect();
            xs.sort_by(|p, q| p.0.cmp(q.0));
            ys.sort_by(|p, q| p.0.cmp(q.0));
            for ((xk, xv), (yk, yv)) in xs.iter().zip(&ys) {
                let order = xk.cmp(yk).then_with(|| json_cmp(xv, yv));
                if order != Ordering::Equal {
                    return order;
                }
            }
            xs.len().cmp(&ys.len())
        }
        _ => rank(a).cmp(&rank(b)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(a: Value, b: Value, expect: Ordering) {
        assert_eq!(json_cmp(&a, &b), expect, "{a} vs {b}");
        assert_eq!(json_cmp(&b, &a), expect.reverse(), "{b} vs {a}");
    }

    #[test]
    fn orders_by_type_then_content() {
        check(json!(null), json!(false), Ordering::Less);
        check(json!(true), json!(0), Ordering::Less);
        check(json!(2), json!(10), Ordering::Less);
        check(json!(-1), json!(0.5), Ordering::Less);
        check(json!("9"), json!([]), Ordering::Less);
        check(json!("abc"), json!("abd"), Ordering::Less);
        check(json!([1, 2]), json!([1, 2, 0]), Ordering::Less);
        check(json!({"a": 1}), json!({"a": 2}), Ordering::Less);
        check(json!({"a": 1, "b": 2}), json!({"b": 2, "a": 1}), Ordering::Equal);
    }

    #[test]
    fn only_identical_numbers_are_equal() {
        // 1 and 1.0 are different JSON texts, so they must not tie (== says they differ).
        check(json!(1), json!(1.0), Ordering::Less);
        check(json!(7), json!(7), Ordering::Equal);
    }
}
