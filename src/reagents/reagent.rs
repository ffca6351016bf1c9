//! A reagent's page: its details as a form (new or existing), its lots with the one to use
//! first, and the audit export of the reagent and its lots.

use benchmate_core::reagents::{use_first, Reagent};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::audit::RecordsExport;
use super::data::{new_id, today, Inventory};
use super::field::{optional_count, TextField};
use super::lot_row::LotRow;
use crate::store::{lab_scope, revision, Store};

#[derive(Clone, Copy)]
struct Form {
    name: RwSignal<String>,
    manufacturer: RwSignal<String>,
    catalogue: RwSignal<String>,
    gtin: RwSignal<String>,
    storage: RwSignal<String>,
    serves: RwSignal<String>,
    stability: RwSignal<String>,
    reorder: RwSignal<String>,
}

impl Form {
    fn new() -> Form {
        Form {
            name: RwSignal::new(String::new()),
            manufacturer: RwSignal::new(String::new()),
            catalogue: RwSignal::new(String::new()),
            gtin: RwSignal::new(String::new()),
            storage: RwSignal::new(String::new()),
            serves: RwSignal::new(String::new()),
            stability: RwSignal::new(String::new()),
            reorder: RwSignal::new(String::new()),
        }
    }

    fn show(&self, r: &Reagent) {
        self.name.set(r.name.clone());
        self.manufacturer.set(r.manufacturer.clone());
        self.catalogue.set(r.catalogue_number.clone());
        self.gtin.set(r.gtin.clone().unwrap_or_default());
        self.storage.set(r.storage_temperature.clone());
        self.serves.set(r.serves.clone());
        self.stability
            .set(r.in_use_stability_days.map(|d| d.to_string()).unwrap_or_default());
        self.reorder
            .set(r.reorder_level.map(|d| d.to_string()).unwrap_or_default());
    }

    fn read(&self, id: String) -> Result<Reagent, String> {
        let text = |s: RwSignal<String>| s.get_untracked().trim().to_string();
        let name = text(self.name);
        if name.is_empty() {
            return Err("The reagent's name is missing.".into());
        }
        let gtin = text(self.gtin);
        if !gtin.is_empty() && (gtin.len() > 14 || !gtin.bytes().all(|b| b.is_ascii_digit())) {
            return Err(format!("GTIN: {gtin:?} must be up to 14 digits."));
        }
        Ok(Reagent {
            id,
            name,
            manufacturer: text(self.manufacturer),
            catalogue_number: text(self.catalogue),
            gtin: (!gtin.is_empty()).then_some(gtin),
            storage_temperature: text(self.storage),
            serves: text(self.serves),
            in_use_stability_days: optional_count(&self.stability.get_untracked(), "In-use stability")?,
            reorder_level: optional_count(&self.reorder.get_untracked(), "Reorder level")?,
        })
    }
}

#[component]
pub fn ReagentPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let inventory = LocalResource::new(move || {
        revision().track();
        Inventory::load()
    });
    let form = Form::new();
    let notice = RwSignal::new(None::<Result<String, String>>);
    // Fill the form once the reagent is read (and again if another tab changes it).
    Effect::new(move |_| {
        if let Some(Ok(inv)) = inventory.get() {
            if let Some((_, r)) = inv.reagent(&id()) {
                form.show(r);
            }
        }
    });
    let navigate = use_navigate();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let existing = inventory
            .get_untracked()
            .and_then(|r| r.ok())
            .and_then(|inv| inv.reagent(&id()).map(|(record, _)| record.id()));
        let body_id = if existing.is_some() { id() } else { new_id() };
        let reagent = match form.read(body_id) {
            Ok(r) => r,
            Err(why) => return notice.set(Some(Err(why))),
        };
        let navigate = navigate.clone();
        spawn_local(async move {
            let saved = async {
                let store = Store::open().await?;
                match existing {
                    Some(record_id) => store.update(record_id, &reagent).await,
                    None => store.create(lab_scope(), &reagent).await.map(|_| ()),
                }
            }
            .await;
            match saved {
                Ok(()) => {
                    notice.set(Some(Ok("Saved.".into())));
                    if existing.is_none() {
                        navigate(&format!("/reagents/items/{}", reagent.id), Default::default());
                    }
                }
                Err(err) => notice.set(Some(Err(format!("Not saved: {err}")))),
            }
        });
    };
    view! {
        <section data-section="reagents">
            <h1>{move || if id() == "new" { "New reagent".to_string() } else { form.name.get() }}</h1>
            <form class="card" on:submit=save>
                <TextField id="reagent-name" label="Name" value=form.name />
                <TextField id="reagent-manufacturer" label="Manufacturer" value=form.manufacturer />
                <TextField id="reagent-catalogue" label="Catalogue number" value=form.catalogue />
                <TextField id="reagent-gtin" label="GTIN (from the box's barcode)" value=form.gtin inputmode="numeric" />
                <TextField id="reagent-storage" label="Storage temperature" value=form.storage hint="As the insert says, e.g. 2-8 °C" />
                <TextField id="reagent-serves" label="Analyser or test" value=form.serves />
                <TextField id="reagent-stability" label="In-use stability (days after opening)" value=form.stability inputmode="numeric" />
                <TextField id="reagent-reorder" label="Reorder level (units)" value=form.reorder inputmode="numeric" />
                <button type="submit" class="button">"Save reagent"</button>
                {move || notice.get().map(|n| match n {
                    Ok(t) => view! { <p class="notice ok" role="status">{t}</p> }.into_any(),
                    Err(t) => view! { <p class="notice danger" role="alert">{t}</p> }.into_any(),
                })}
            </form>
            <Suspense fallback=|| ()>
                {move || inventory.get().and_then(|r| r.ok()).filter(|inv| inv.reagent(&id()).is_some()).map(|inv| {
                    let rid = id();
                    let mut lots: Vec<_> = inv.lots.iter().filter(|(_, l)| l.reagent_id == rid).map(|(_, l)| l.clone()).collect();
                    lots.sort_by_key(|l| l.expiry);
                    let first = use_first(&inv.reagent_bodies(), &lots, today()).get(&rid).map(|l| l.lot_number.clone());
                    let mut records = vec![];
                    if let Some((record, r)) = inv.reagent(&rid) {
                        records.push((format!("Reagent {}", r.name), record.clone()));
                    }
                    for (record, lot) in inv.lots.iter().filter(|(_, l)| l.reagent_id == rid) {
                        records.push((format!("Lot {}", lot.lot_number), record.clone()));
                    }
                    view! {
                        <h2>"Lots"</h2>
                        {first.map(|n| view! { <p class="use-first">{format!("Use lot {n} first (earliest usable expiry).")}</p> })}
                        <ul class="lot-list">
                            {lots.into_iter().map(|lot| view! { <LotRow lot=lot inventory=inv.clone() /> }).collect_view()}
                        </ul>
                        <RecordsExport records=records file=format!("audit-reagent-{}.csv", rid) />
                    }
                })}
            </Suspense>
        </section>
    }
}
