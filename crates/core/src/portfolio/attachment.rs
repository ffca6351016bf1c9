//! Certificate attachments: references by SHA-256 digest, and the size policy the app
//! follows when it stores a photo or a PDF (the app does the decoding and downscaling; this
//! file decides the target sizes and limits).

use serde::{Deserialize, Serialize};

use super::error::PortfolioError;

/// A stored file referenced by a record: content-addressed, so the same certificate attached
/// twice is stored once and synced once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentRef {
    /// SHA-256 of the stored bytes, 64 lowercase hex digits.
    pub sha256: String,
    /// `image/jpeg`, `image/png`, `image/webp` or `application/pdf`.
    pub media_type: String,
    /// Size of the stored bytes.
    pub byte_len: u64,
    /// The name the file had when picked, for the transcript's list of certificates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
}

impl AttachmentRef {
    /// Checks the digest's form, the media type and the size against `policy`.
    pub fn check(&self, policy: &AttachmentPolicy) -> Result<(), PortfolioError> {
        check_sha256(&self.sha256)?;
        let kind = AttachmentKind::from_media_type(&self.media_type)?;
        policy.check_size(kind, self.byte_len)
    }
}

/// Accepts exactly 64 lowercase hexadecimal digits, the form the store and server use.
pub fn check_sha256(hash: &str) -> Result<(), PortfolioError> {
    let well_formed = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if well_formed {
        Ok(())
    } else {
        Err(PortfolioError::InvalidAttachmentHash { hash: hash.to_string() })
    }
}

/// What kind of file an attachment is, which decides its size rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttachmentKind {
    /// A photo or scan; the app downscales it before storing.
    Image,
    /// A PDF certificate; stored as it is, if it is small enough.
    Pdf,
}

impl AttachmentKind {
    /// Reads a MIME type such as `image/jpeg` or `application/pdf; name=x.pdf`.
    pub fn from_media_type(media_type: &str) -> Result<AttachmentKind, PortfolioError> {
        let essence = media_type
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        match essence.as_str() {
            "image/jpeg" | "image/png" | "image/webp" => Ok(AttachmentKind::Image),
            "application/pdf" => Ok(AttachmentKind::Pdf),
            _ => Err(PortfolioError::UnsupportedMediaType {
                media_type: media_type.to_string(),
            }),
        }
    }
}

/// Pixel dimensions of an image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageSize {
    pub width: u32,
    pub height: u32,
}

impl ImageSize {
    pub fn new(width: u32, height: u32) -> ImageSize {
        ImageSize { width, height }
    }
}

/// One try at encoding a downscaled image: the app encodes at this size and quality and
/// keeps the first result that fits within the byte limit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EncodeAttempt {
    pub size: ImageSize,
    /// JPEG quality for `canvas.toBlob`, between 0 and 1.
    pub jpeg_quality: f64,
}

/// Limits for stored certificates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttachmentPolicy {
    /// Largest stored image, after downscaling.
    pub max_image_bytes: u64,
    /// Largest stored PDF.
    pub max_pdf_bytes: u64,
    /// Longest side of a stored image, in pixels.
    pub max_image_dimension: u32,
    /// Longest side of a thumbnail, in pixels.
    pub thumbnail_dimension: u32,
}

impl Default for AttachmentPolicy {
    /// 2,000 px on the long side keeps 8-point type legible on a photographed Letter or A4
    /// certificate (about 170 pixels per inch), and such a photo encodes as JPEG at quality
    /// 0.8 to a few hundred kilobytes, so 1 MiB leaves room. PDF certificates from CE
    /// providers are usually well under 1 MiB; 5 MiB admits scanned ones.
    fn default() -> AttachmentPolicy {
        AttachmentPolicy {
            max_image_bytes: 1024 * 1024,
            max_pdf_bytes: 5 * 1024 * 1024,
            max_image_dimension: 2000,
            thumbnail_dimension: 256,
        }
    }
}

impl AttachmentPolicy {
    /// Checks a stored file's size against the limit for its kind.
    pub fn check_size(&self, kind: AttachmentKind, bytes: u64) -> Result<(), PortfolioError> {
        let max_bytes = match kind {
            AttachmentKind::Image => self.max_image_bytes,
            AttachmentKind::Pdf => self.max_pdf_bytes,
        };
        if bytes > max_bytes {
            Err(PortfolioError::AttachmentTooLarge { bytes, max_bytes })
        } else {
            Ok(())
        }
    }

    /// The size to store a source image at: unchanged when its longest side fits, otherwise
    /// scaled so the longest side is exactly the limit and the aspect ratio is kept (the
    /// short side rounded to the nearest pixel, at least 1). Never enlarges.
    pub fn target_size(&self, source: ImageSize) -> Result<ImageSize, PortfolioError> {
        fit_within(source, self.max_image_dimension)
    }

    /// The thumbnail size for a source image, by the same rule with the thumbnail limit.
    pub fn thumbnail_size(&self, source: ImageSize) -> Result<ImageSize, PortfolioError> {
        fit_within(source, self.thumbnail_dimension)
    }

    /// The encodings to try in order until one fits `max_image_bytes`: the target size at
    /// good quality first, then lower quality, then smaller sizes. If none fits, the app
    /// refuses the image with `AttachmentTooLarge`.
    pub fn encode_attempts(&self, source: ImageSize) -> Result<Vec<EncodeAttempt>, PortfolioError> {
        let target = self.target_size(source)?;
        let longest = target.width.max(target.height);
        // (fraction of the target's longest side, JPEG quality)
        let ladder: [(u32, u32, f64); 4] = [(1, 1, 0.85), (1, 1, 0.7), (3, 4, 0.7), (1, 2, 0.6)];
        let mut attempts: Vec<EncodeAttempt> = Vec::new();
        for (numerator, denominator, jpeg_quality) in ladder {
            let side = (u64::from(longest) * u64::from(numerator) / u64::from(denominator)).max(1);
            let size = fit_within(target, u32::try_from(side).unwrap_or(u32::MAX))?;
            attempts.push(EncodeAttempt { size, jpeg_quality });
        }
        Ok(attempts)
    }
}

fn fit_within(source: ImageSize, max_side: u32) -> Result<ImageSize, PortfolioError> {
    let ImageSize { width, height } = source;
    if width == 0 || height == 0 {
        return Err(PortfolioError::InvalidImageSize { width, height });
    }
    let longest = width.max(height);
    if longest <= max_side {
        return Ok(source);
    }
    // short * max / long, rounded half up, in integers so no float rounding creeps in.
    let scale = |side: u32| -> u32 {
        let scaled = (u64::from(side) * u64::from(max_side) * 2 + u64::from(longest)) / (2 * u64::from(longest));
        u32::try_from(scaled.max(1)).unwrap_or(max_side)
    };
    Ok(ImageSize::new(scale(width), scale(height)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_target(source: (u32, u32), expect: Result<(u32, u32), &str>) {
        let policy = AttachmentPolicy::default();
        let got = policy.target_size(ImageSize::new(source.0, source.1));
        match (got, expect) {
            (Ok(size), Ok((w, h))) => assert_eq!((size.width, size.height), (w, h), "{source:?}"),
            (Err(error), Err(fragment)) => assert!(error.to_string().contains(fragment)),
            (got, expect) => panic!("{source:?}: got {got:?}, expected {expect:?}"),
        }
    }

    #[test]
    fn target_size_fits_the_longest_side_and_keeps_the_aspect_ratio() {
        // A 12 MP phone photo, 4032x3024 (4:3): 3024 * 2000 / 4032 = 1500 exactly.
        check_target((4032, 3024), Ok((2000, 1500)));
        // Portrait: 3024x4032 -> 1500x2000.
        check_target((3024, 4032), Ok((1500, 2000)));
        // A Letter scan at 300 dpi, 2550x3300: 2550 * 2000 / 3300 = 1545.45 -> 1545.
        check_target((2550, 3300), Ok((1545, 2000)));
        // 3000x1001: 1001 * 2000 / 3000 = 667.33 -> 667.
        check_target((3000, 1001), Ok((2000, 667)));
        // 4001x3: 3 * 2000 / 4001 = 1.4996 -> 1.
        check_target((4001, 3), Ok((2000, 1)));
        // A 20000x1 strip: 0.1 would round to 0, so at least 1 pixel is kept.
        check_target((20000, 1), Ok((2000, 1)));
        // Already small enough, or exactly at the limit: unchanged, never enlarged.
        check_target((1200, 900), Ok((1200, 900)));
        check_target((2000, 2000), Ok((2000, 2000)));
        check_target((0, 100), Err("no pixels"));
        check_target((u32::MAX, u32::MAX - 1), Ok((2000, 2000)));
    }

    #[test]
    fn thumbnails_use_the_thumbnail_limit() {
        let policy = AttachmentPolicy::default();
        // 4032x3024 -> 256 x (3024 * 256 / 4032 = 192).
        let thumb = policy.thumbnail_size(ImageSize::new(4032, 3024)).expect("pixels");
        assert_eq!(thumb, ImageSize::new(256, 192));
    }

    #[test]
    fn encode_attempts_step_down_in_quality_then_size() {
        let policy = AttachmentPolicy::default();
        let attempts = policy.encode_attempts(ImageSize::new(4032, 3024)).expect("pixels");
        let got: Vec<(u32, u32, f64)> = attempts
            .iter()
            .map(|a| (a.size.width, a.size.height, a.jpeg_quality))
            .collect();
        // Target 2000x1500; 3/4 of 2000 = 1500 -> 1500x1125; 1/2 -> 1000x750.
        assert_eq!(
            got,
            vec![
                (2000, 1500, 0.85),
                (2000, 1500, 0.7),
                (1500, 1125, 0.7),
                (1000, 750, 0.6)
            ]
        );
    }

    #[test]
    fn sizes_are_checked_per_kind() {
        let policy = AttachmentPolicy::default();
        assert_eq!(policy.check_size(AttachmentKind::Image, 1_048_576), Ok(()));
        assert_eq!(
            policy.check_size(AttachmentKind::Image, 1_048_577),
            Err(PortfolioError::AttachmentTooLarge {
                bytes: 1_048_577,
                max_bytes: 1_048_576
            })
        );
        assert_eq!(policy.check_size(AttachmentKind::Pdf, 5 * 1_048_576), Ok(()));
        assert!(policy.check_size(AttachmentKind::Pdf, 5 * 1_048_576 + 1).is_err());
    }

    #[test]
    fn media_types_are_read_loosely_and_checked_strictly() {
        let kind = |t: &str| AttachmentKind::from_media_type(t).ok();
        assert_eq!(kind("image/jpeg"), Some(AttachmentKind::Image));
        assert_eq!(kind("IMAGE/PNG"), Some(AttachmentKind::Image));
        assert_eq!(kind("application/pdf; name=cert.pdf"), Some(AttachmentKind::Pdf));
        assert_eq!(kind("image/heic"), None);
        assert_eq!(kind("text/html"), None);
    }

    #[test]
    fn references_need_a_lowercase_sha256() {
        let good = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert_eq!(check_sha256(good), Ok(()));
        assert!(check_sha256(&good.to_uppercase()).is_err());
        assert!(check_sha256(&good[..63]).is_err());
        assert!(check_sha256(&format!("{}g", &good[..63])).is_err());
        let reference = AttachmentRef {
            sha256: good.to_string(),
            media_type: "image/jpeg".to_string(),
            byte_len: 2_000_000,
            file_name: None,
        };
        assert!(matches!(
            reference.check(&AttachmentPolicy::default()),
            Err(PortfolioError::AttachmentTooLarge { .. })
        ));
    }
}
