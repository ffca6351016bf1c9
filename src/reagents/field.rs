//! A labelled text input bound to a signal: the building block of the section's forms.

use leptos::prelude::*;

/// A text field; `kind` is the input type ("text", "date", "number") and `inputmode` the
/// phone keyboard to show ("text", "decimal", "numeric").
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "text")] inputmode: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input
                id=id
                type=kind
                inputmode=inputmode
                autocomplete="off"
                aria-describedby=hint.map(|_| hint_id.clone())
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {hint.map(|h| view! { <span class="hint" id=hint_id.clone()>{h}</span> })}
        </div>
    }
}

/// Reads an optional whole number typed by a person: empty is `None`, anything else must parse.
pub fn optional_count(text: &str, what: &str) -> Result<Option<u32>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<u32>()
        .map(Some)
        .map_err(|_| format!("{what}: {text:?} is not a whole number"))
}

/// Reads a number typed by a person (a comma is taken as the decimal mark).
pub fn number(text: &str, what: &str) -> Result<f64, String> {
    let text = text.trim().replace(',', ".");
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ if text.is_empty() => Err(format!("{what} is missing")),
        _ => Err(format!("{what}: {text:?} is not a number")),
    }
}
