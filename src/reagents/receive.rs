//! The Receive screen: scan a box (keyboard-wedge scanner or camera), check the fields the
//! barcode filled in, confirm, and the lot is saved in quarantine with who received it.

use benchmate_core::gs1::{missing_separator_hints, read_label, ScannedLabel, SeparatorHint};
use benchmate_core::reagents::{find_reagent_by_gtin, Lot, Reagent};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use super::camera::CameraScan;
use super::data::{new_id, today, Inventory};
use super::field::{optional_count, TextField};
use crate::store::{lab_scope, revision, Store};

/// A message under the scan field or the form.
#[derive(Clone, Debug, PartialEq)]
enum Notice {
    Info(String),
    Warn(String),
    Error(String),
    Saved { text: String, lot_id: String },
}

/// The receive form's fields, as typed or filled in by a scan.
#[derive(Clone, Copy)]
struct Form {
    gtin: RwSignal<String>,
    lot: RwSignal<String>,
    expiry: RwSignal<String>,
    serial: RwSignal<String>,
    quantity: RwSignal<String>,
    unit: RwSignal<String>,
    location: RwSignal<String>,
    received_by: RwSignal<String>,
    reagent: RwSignal<String>,
    new_reagent: RwSignal<String>,
}

impl Form {
    fn new() -> Form {
        let s = |v: &str| RwSignal::new(v.to_string());
        Form {
            gtin: s(""),
            lot: s(""),
            expiry: s(""),
            serial: s(""),
            quantity: s("1"),
            unit: s("kit"),
            location: s(""),
            received_by: s(""),
            reagent: s(""),
            new_reagent: s(""),
        }
    }

    /// Fills the fields a label gives and picks the reagent its GTIN names.
    fn fill(&self, label: &ScannedLabel, inventory: &Inventory) -> Option<String> {
        let fields = label.fields();
        let gtin = fields.gtin.clone().or(fields.hibc_product.clone()).unwrap_or_default();
        self.gtin.set(gtin.clone());
        self.lot.set(fields.lot.unwrap_or_default());
        self.expiry
            .set(fields.expiry.map(|d| d.to_string()).unwrap_or_default());
        self.serial.set(fields.serial.unwrap_or_default());
        self.quantity
            .set(fields.quantity.map(|q| q.to_string()).unwrap_or_else(|| "1".into()));
        let reagents = inventory.reagent_bodies();
        let known = (!gtin.is_empty())
            .then(|| find_reagent_by_gtin(&reagents, &gtin))
            .flatten();
        self.reagent.set(known.map(|r| r.id.clone()).unwrap_or_default());
        known.map(|r| r.name.clone())
    }

    fn clear(&self) {
        for field in [
            self.gtin,
            self.lot,
            self.expiry,
            self.serial,
            self.reagent,
            self.new_reagent,
        ] {
            field.set(String::new());
        }
        self.quantity.set("1".into());
    }
}

/// Describes what a scan gave, for the message under the field.
fn describe(label: &ScannedLabel, reagent: Option<String>) -> Notice {
    let fields = label.fields();
    let mut parts = Vec::new();
    if let Some(lot) = &fields.lot {
        parts.push(format!("lot {lot}"));
    }
    if let Some(expiry) = fields.expiry {
        parts.push(format!("expiry {expiry}"));
    }
    let read = if parts.is_empty() {
        "no lot or expiry".to_string()
    } else {
        parts.join(", ")
    };
    match (reagent, fields.gtin.or(fields.hibc_product)) {
        (Some(name), _) => Notice::Info(format!("Read {name}: {read}. Check the fields and confirm.")),
        (None, Some(code)) => Notice::Warn(format!(
            "Read {read}. No reagent has the code {code} yet: choose one below or name a new one."
        )),
        (None, None) => Notice::Warn(format!("Read {read}, but no product code: choose the reagent below.")),
    }
}

#[component]
pub fn ReceivePage() -> impl IntoView {
    let inventory = LocalResource::new(move || {
        revision().track();
        Inventory::load()
    });
    let scan = RwSignal::new(String::new());
    let notice = RwSignal::new(None::<Notice>);
    let hints = RwSignal::new(Vec::<SeparatorHint>::new());
    let form = Form::new();
    let scan_field = NodeRef::<Input>::new();
    let current = move || inventory.get().and_then(|r| r.ok()).unwrap_or_default();
    // `autofocus` only works on a page load, not after a tap inside the app: focus by hand, so
    // a scan right after opening the screen lands in the field.
    Effect::new(move |_| {
        if let Some(field) = scan_field.get() {
            let _ = field.focus();
        }
    });

    let read = move |text: String| {
        hints.set(Vec::new());
        match read_label(&text, today()) {
            Ok(label) => {
                let reagent = form.fill(&label, &current());
                if let ScannedLabel::Gs1(elements) = &label {
                    hints.set(missing_separator_hints(elements, today()));
                }
                let expired = label.fields().expiry.filter(|e| *e < today());
                notice.set(Some(match expired {
                    Some(e) => Notice::Warn(format!(
                        "This lot expired on {e}. Check the box: it should not be received for use."
                    )),
                    None => describe(&label, reagent),
                }));
            }
            Err(err) => notice.set(Some(Notice::Error(format!(
                "The scan could not be read: {err}. Scan again, or type the fields below."
            )))),
        }
    };
    let on_scan = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        read(scan.get_untracked());
    };
    let use_hint = move |hint: SeparatorHint| {
        let label = ScannedLabel::Gs1(hint.alternative.clone());
        let reagent = form.fill(&label, &current());
        hints.set(Vec::new());
        notice.set(Some(describe(&label, reagent)));
    };
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let inventory = current();
        match build(&form, &inventory) {
            Err(why) => notice.set(Some(Notice::Error(why))),
            Ok((new_reagent, lot)) => {
                let name = new_reagent
                    .as_ref()
                    .map(|r| r.name.clone())
                    .unwrap_or_else(|| inventory.reagent_name(&lot.reagent_id));
                spawn_local(async move {
                    let saved = async {
                        let store = Store::open().await?;
                        if let Some(reagent) = &new_reagent {
                            store.create(lab_scope(), reagent).await?;
                        }
                        store.create(lab_scope(), &lot).await
                    }
                    .await;
                    match saved {
                        Ok(_) => {
                            notice.set(Some(Notice::Saved {
                                text: format!("Saved: lot {} of {name}, {}.", lot.lot_number, lot.status),
                                lot_id: lot.id.clone(),
                            }));
                            form.clear();
                            scan.set(String::new());
                            if let Some(field) = scan_field.get() {
                                let _ = field.focus();
                            }
                        }
                        Err(err) => notice.set(Some(Notice::Error(format!("Not saved: {err}")))),
                    }
                });
            }
        }
    };

    view! {
        <section data-section="reagents">
            <h1>"Receive a lot"</h1>
            <form class="card receive-scan" on:submit=on_scan>
                <div class="field">
                    <label for="receive-scan">"Scan the box"</label>
                    <input id="receive-scan" type="text" autofocus autocomplete="off" spellcheck="false"
                        node_ref=scan_field aria-describedby="receive-scan-hint"
                        prop:value=move || scan.get() on:input=move |ev| scan.set(event_target_value(&ev)) />
                    <span class="hint" id="receive-scan-hint">
                        "Scan with a barcode scanner (it ends with Enter), or type the data, e.g. (01)…(17)…(10)…, and press Enter."
                    </span>
                </div>
                <div class="toolbar">
                    <button type="submit" class="button">"Read"</button>
                    <CameraScan on_read=Callback::new(move |text: String| { scan.set(text.clone()); read(text) }) />
                </div>
            </form>
            <div aria-live="polite">
                {move || notice.get().map(|n| match n {
                    Notice::Info(t) => view! { <p class="notice" role="status">{t}</p> }.into_any(),
                    Notice::Warn(t) => view! { <p class="notice warn" role="status">{t}</p> }.into_any(),
                    Notice::Error(t) => view! { <p class="notice danger" role="alert">{t}</p> }.into_any(),
                    Notice::Saved { text, lot_id } => view! {
                        <p class="notice ok" role="status">{text}" "<A href=format!("/reagents/lots/{lot_id}")>"Open the lot"</A></p>
                    }.into_any(),
                })}
                <For each=move || hints.get() key=|h| h.message() let:hint>
                    <div class="notice warn">
                        <p>{hint.message()}</p>
                        <button type="button" class="button secondary" on:click=move |_| use_hint(hint.clone())>
                            "Use the reading with the separator"
                        </button>
                    </div>
                </For>
            </div>
            <form class="card receive-form" on:submit=confirm>
                <h2>"Lot details"</h2>
                <div class="field">
                    <label for="receive-reagent">"Reagent"</label>
                    <select id="receive-reagent" prop:value=move || form.reagent.get()
                        on:change=move |ev| form.reagent.set(event_target_value(&ev))>
                        <option value="">"A new reagent…"</option>
                        {move || current().reagents.into_iter().map(|(_, r)| view! {
                            <option value=r.id.clone() selected=move || form.reagent.get() == r.id>{r.name.clone()}</option>
                        }).collect_view()}
                    </select>
                </div>
                <Show when=move || form.reagent.get().is_empty()>
                    <TextField id="receive-new-reagent" label="New reagent's name" value=form.new_reagent
                        hint="Saved with the scanned GTIN, so the next box is recognised. Complete it later under Reagents." />
                </Show>
                <TextField id="receive-gtin" label="GTIN or product code" value=form.gtin inputmode="numeric" />
                <TextField id="receive-lot" label="Lot number" value=form.lot />
                <TextField id="receive-expiry" label="Expiry" value=form.expiry kind="date" />
                <TextField id="receive-serial" label="Serial number (shown for checking, not stored)" value=form.serial />
                <div class="field-row">
                    <TextField id="receive-quantity" label="Quantity" value=form.quantity inputmode="numeric" />
                    <TextField id="receive-unit" label="Unit" value=form.unit hint="kit, vial, pack…" />
                </div>
                <TextField id="receive-location" label="Location (optional)" value=form.location hint="e.g. Fridge 2, shelf B" />
                <TextField id="receive-by" label="Received by" value=form.received_by hint="Your name or initials" />
                <button type="submit" class="button">"Confirm and save"</button>
            </form>
        </section>
    }
}

/// Checks the form and builds the lot (and the new reagent when one is named).
fn build(form: &Form, inventory: &Inventory) -> Result<(Option<Reagent>, Lot), String> {
    let gtin = form.gtin.get_untracked().trim().to_string();
    let chosen = form.reagent.get_untracked();
    let new_reagent = if chosen.is_empty() {
        let name = form.new_reagent.get_untracked().trim().to_string();
        if name.is_empty() {
            return Err("Choose the reagent, or type the new reagent's name.".into());
        }
        Some(Reagent {
            id: new_id(),
            name,
            manufacturer: String::new(),
            catalogue_number: String::new(),
            gtin: (!gtin.is_empty()).then(|| gtin.clone()),
            storage_temperature: String::new(),
            serves: String::new(),
            in_use_stability_days: None,
            reorder_level: None,
        })
    } else {
        None
    };
    let reagent_id = match &new_reagent {
        Some(r) => r.id.clone(),
        None if inventory.reagent(&chosen).is_some() => chosen,
        None => return Err("The chosen reagent is no longer in the list: choose again.".into()),
    };
    let expiry_text = form.expiry.get_untracked();
    let expiry = chrono::NaiveDate::parse_from_str(expiry_text.trim(), "%Y-%m-%d")
        .map_err(|_| "The expiry date is missing or not a date.".to_string())?;
    let mut lot = Lot::received(
        &new_id(),
        &reagent_id,
        form.lot.get_untracked().trim(),
        expiry,
        today(),
        form.received_by.get_untracked().trim(),
    );
    lot.quantity = optional_count(&form.quantity.get_untracked(), "Quantity")?.unwrap_or(1);
    lot.unit = form.unit.get_untracked().trim().to_string();
    lot.location = form.location.get_untracked().trim().to_string();
    lot.validate().map_err(|e| {
        let text = e.to_string();
        let mut chars = text.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
            .unwrap_or_default()
            + "."
    })?;
    Ok((new_reagent, lot))
}
