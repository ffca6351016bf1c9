//! Preparing a picked or photographed certificate for storage, in the browser: a PDF is kept
//! as it is (within core's size limit); an image is decoded, drawn on a canvas at core's
//! target size and encoded as JPEG down core's quality ladder until it fits the limit.

use benchmate_core::portfolio::{AttachmentKind, AttachmentPolicy, ImageSize, PortfolioError};
use benchmate_core::record::Attachment;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A browser failure, in words for the screen.
fn browser(what: &str) -> impl Fn(JsValue) -> String + '_ {
    move |err| {
        format!(
            "The browser could not {what}: {}",
            err.as_string().unwrap_or_else(|| format!("{err:?}"))
        )
    }
}

/// Turns a picked file into the attachment to store, or says why it cannot be stored.
pub async fn prepare(file: &web_sys::File) -> Result<Attachment, String> {
    let policy = AttachmentPolicy::default();
    let media_type = file.type_();
    match AttachmentKind::from_media_type(&media_type).map_err(|err| err.to_string())? {
        AttachmentKind::Pdf => {
            let bytes = read_bytes(file).await?;
            policy
                .check_size(AttachmentKind::Pdf, bytes.len() as u64)
                .map_err(|err| err.to_string())?;
            Ok(Attachment::new("application/pdf", bytes))
        }
        AttachmentKind::Image => downscale(file, &policy).await,
    }
}

async fn read_bytes(blob: &web_sys::Blob) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(browser("read the file"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

async fn downscale(file: &web_sys::File, policy: &AttachmentPolicy) -> Result<Attachment, String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(
        window
            .create_image_bitmap_with_blob(file)
            .map_err(browser("open the image"))?,
    )
    .await
    .map_err(|_| "This image could not be read: is it a photo or a scan (JPEG, PNG, WebP)?".to_string())?
    .unchecked_into();
    let source = ImageSize::new(bitmap.width(), bitmap.height());
    let attempts = policy.encode_attempts(source).map_err(|err| err.to_string());
    let mut smallest = u64::MAX;
    for attempt in attempts? {
        let canvas: web_sys::HtmlCanvasElement = document
            .create_element("canvas")
            .map_err(browser("draw the image"))?
            .unchecked_into();
        canvas.set_width(attempt.size.width);
        canvas.set_height(attempt.size.height);
        let context: web_sys::CanvasRenderingContext2d = canvas
            .get_context("2d")
            .map_err(browser("draw the image"))?
            .ok_or("The browser has no canvas to draw the image on.")?
            .unchecked_into();
        let (width, height) = (f64::from(attempt.size.width), f64::from(attempt.size.height));
        // JPEG has no transparency: a transparent scan is drawn on white, as on paper.
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, width, height);
        context
            .draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, width, height)
            .map_err(browser("draw the image"))?;
        let url = canvas
            .to_data_url_with_type_and_encoder_options("image/jpeg", &JsValue::from_f64(attempt.jpeg_quality))
            .map_err(browser("encode the image"))?;
        let bytes = data_url_bytes(&window, &url)?;
        let size = bytes.len() as u64;
        if policy.check_size(AttachmentKind::Image, size).is_ok() {
            bitmap.close();
            return Ok(Attachment::new("image/jpeg", bytes));
        }
        smallest = smallest.min(size);
    }
    bitmap.close();
    Err(PortfolioError::AttachmentTooLarge {
        bytes: smallest,
        max_bytes: policy.max_image_bytes,
    }
    .to_string())
}

/// The bytes of a `data:...;base64,...` URL.
fn data_url_bytes(window: &web_sys::Window, url: &str) -> Result<Vec<u8>, String> {
    let (_, base64) = url.split_once(',').ok_or("The browser gave no image data.")?;
    let binary = window.atob(base64).map_err(browser("decode the image"))?;
    // `atob` gives one character per byte, each below 256.
    Ok(binary.chars().map(|c| c as u32 as u8).collect())
}
