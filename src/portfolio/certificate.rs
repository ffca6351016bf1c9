//! Certificates and other attachments: pick an image or PDF or take a photo, store it
//! (downscaled) in the local store by its content hash, and show stored ones as thumbnails.
//! CE entries and portfolio items both use it.

use benchmate_core::portfolio::AttachmentRef;
use benchmate_core::record::ContentHash;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::image;
use crate::store::Store;

#[derive(Clone, Debug, PartialEq)]
enum Picking {
    Idle,
    Working,
    Stored(String),
    Failed(String),
}

/// The file input and the record's files so far; a stored file is added to `attachments`.
/// `id` names the inputs (two pickers on one page need different ones) and `title` is what
/// the files are called ("Certificate", "Attachments").
#[component]
pub fn CertificatePicker(
    attachments: RwSignal<Vec<AttachmentRef>>,
    #[prop(default = "ce-certificate")] id: &'static str,
    #[prop(default = "Certificate")] title: &'static str,
) -> impl IntoView {
    let photo_id = format!("{id}-photo");
    let photo_label_for = photo_id.clone();
    let state = RwSignal::new(Picking::Idle);
    let picked = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        state.set(Picking::Working);
        spawn_local(async move {
            let stored = async {
                let attachment = image::prepare(&file).await?;
                let store = Store::open().await.map_err(|err| err.to_string())?;
                store.put_attachment(&attachment).await.map_err(|err| err.to_string())?;
                Ok::<_, String>(AttachmentRef {
                    sha256: attachment.hash().to_string(),
                    media_type: attachment.media_type().to_string(),
                    byte_len: attachment.data().len() as u64,
                    file_name: Some(file.name()).filter(|name| !name.is_empty()),
                })
            }
            .await;
            input.set_value("");
            match stored {
                Ok(reference) => {
                    let kb = reference.byte_len.div_ceil(1024);
                    attachments.update(|list| {
                        if !list.iter().any(|a| a.sha256 == reference.sha256) {
                            list.push(reference);
                        }
                    });
                    state.set(Picking::Stored(format!("{title} stored on this device ({kb} KB).")));
                }
                Err(why) => state.set(Picking::Failed(why)),
            }
        });
    };
    view! {
        <div class="field">
            <span class="field-title">{title}</span>
            // Two inputs: with `capture`, phones open the camera and offer no file, so a PDF
            // could not be picked from the same input.
            <label for=photo_label_for class="button secondary file-button">
                "Take a photo"
                <input
                    id=photo_id
                    class="visually-hidden"
                    type="file"
                    accept="image/*"
                    capture="environment"
                    on:change=picked
                />
            </label>
            <label for=id>"Or choose an image or PDF"</label>
            <input id=id type="file" accept="image/*,application/pdf" on:change=picked />
            <span class="hint">"Photos are made smaller to save space; the text stays readable."</span>
            {move || match state.get() {
                Picking::Idle => ().into_any(),
                Picking::Working => view! { <span class="hint" role="status">"Storing the file..."</span> }.into_any(),
                Picking::Stored(text) => view! { <span class="notice ok" role="status">{text}</span> }.into_any(),
                Picking::Failed(why) => view! { <span class="notice danger" role="alert">{why}</span> }.into_any(),
            }}
            <ul class="thumbnails">
                <For each=move || attachments.get() key=|a| a.sha256.clone() let:reference>
                    <li>
                        <Thumbnail reference=reference.clone() />
                        <button
                            type="button"
                            class="button secondary"
                            on:click=move |_| attachments.update(|list| list.retain(|a| a.sha256 != reference.sha256))
                        >
                            "Remove"
                        </button>
                    </li>
                </For>
            </ul>
        </div>
    }
}

/// An object URL for a stored file, or why there is none.
async fn object_url(hash: String) -> Result<String, String> {
    let hash: ContentHash = hash.parse().map_err(|_| "damaged reference".to_string())?;
    let store = Store::open().await.map_err(|err| err.to_string())?;
    let attachment = store
        .get_attachment(hash)
        .await
        .map_err(|err| err.to_string())?
        .ok_or("not on this device yet")?;
    let bytes = js_sys::Uint8Array::from(attachment.data());
    let parts = js_sys::Array::of1(&bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(attachment.media_type());
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not show it".to_string())?;
    web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "the browser could not show it".to_string())
}

/// A stored certificate: the image itself at thumbnail size, or a link for a PDF.
#[component]
pub fn Thumbnail(reference: AttachmentRef) -> impl IntoView {
    let hash = reference.sha256.clone();
    let url = LocalResource::new(move || object_url(hash.clone()));
    let is_pdf = reference.media_type == "application/pdf";
    let name = reference.file_name.clone().unwrap_or_else(|| "certificate".to_string());
    view! {
        <Suspense fallback=|| view! { <span class="hint">"Loading certificate..."</span> }>
            {move || {
                let name = name.clone();
                url.get().map(|loaded| match loaded {
                    Ok(url) if is_pdf => view! {
                        <a class="certificate-pdf" href=url target="_blank" rel="noopener">{format!("PDF: {name}")}</a>
                    }.into_any(),
                    Ok(url) => {
                        let link = url.clone();
                        view! {
                        <a href=link target="_blank" rel="noopener">
                            <img class="certificate-thumb" src=url alt=format!("Certificate: {name}") />
                        </a>
                    }.into_any()
                    }
                    Err(why) => view! { <span class="hint">{format!("Certificate {name}: {why}")}</span> }.into_any(),
                })
            }}
        </Suspense>
    }
}
