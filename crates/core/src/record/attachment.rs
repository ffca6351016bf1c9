//! Attachments (certificate photos, PDFs): bytes addressed by their SHA-256, so each is
//! stored and sent once and a record refers to it by hash.

use std::fmt;
use std::str::FromStr;

use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The SHA-256 of an attachment's bytes, written as 64 lowercase hex digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ContentHash([u8; 32]);

impl ContentHash {
    pub fn of(bytes: &[u8]) -> ContentHash {
        ContentHash(Sha256::digest(bytes).into())
    }
}

impl fmt::Display for ContentHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|byte| write!(f, "{byte:02x}"))
    }
}

/// Why an attachment or its hash was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AttachmentError {
    BadHash {
        input: String,
    },
    BadBase64 {
        hash: String,
        reason: String,
    },
    /// The bytes do not have the hash they are filed under: the file was damaged.
    HashMismatch {
        claimed: ContentHash,
        actual: ContentHash,
    },
}

impl fmt::Display for AttachmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AttachmentError::BadHash { input } => {
                write!(f, "{input:?} is not a SHA-256 hash (64 lowercase hex digits)")
            }
            AttachmentError::BadBase64 { hash, reason } => {
                write!(f, "attachment {hash} has damaged data (not base64: {reason})")
            }
            AttachmentError::HashMismatch { claimed, actual } => {
                write!(f, "attachment {claimed} is damaged: its bytes hash to {actual}")
            }
        }
    }
}

impl std::error::Error for AttachmentError {}

impl FromStr for ContentHash {
    type Err = AttachmentError;
    fn from_str(input: &str) -> Result<ContentHash, AttachmentError> {
        let bad = || AttachmentError::BadHash {
            input: input.to_string(),
        };
        let digits = input.as_bytes();
        if digits.len() != 64 || !digits.iter().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return Err(bad());
        }
        let mut hash = [0u8; 32];
        for (byte, pair) in hash.iter_mut().zip(digits.chunks(2)) {
            let text = std::str::from_utf8(pair).map_err(|_| bad())?;
            *byte = u8::from_str_radix(text, 16).map_err(|_| bad())?;
        }
        Ok(ContentHash(hash))
    }
}

impl TryFrom<String> for ContentHash {
    type Error = AttachmentError;
    fn try_from(text: String) -> Result<ContentHash, AttachmentError> {
        text.parse()
    }
}

impl From<ContentHash> for String {
    fn from(hash: ContentHash) -> String {
        hash.to_string()
    }
}

/// One attachment's bytes and media type. Reading one checks its bytes against its hash.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "AttachmentRepr", into = "AttachmentRepr")]
pub struct Attachment {
    sha256: ContentHash,
    media_type: String,
    data: Vec<u8>,
}

impl Attachment {
    pub fn new(media_type: &str, data: Vec<u8>) -> Attachment {
        Attachment {
            sha256: ContentHash::of(&data),
            media_type: media_type.to_string(),
            data,
        }
    }

    pub fn hash(&self) -> ContentHash {
        self.sha256
    }

    pub fn media_type(&self) -> &str {
        &self.media_type
    }

    pub fn data(&self) -> &[u8] {
        &self.data
    }
}

/// In JSON the bytes are standard base64 (RFC 4648, with padding).
#[derive(Serialize, Deserialize)]
struct AttachmentRepr {
    sha256: ContentHash,
    media_type: String,
    data: String,
}

impl From<Attachment> for AttachmentRepr {
    fn from(attachment: Attachment) -> AttachmentRepr {
        AttachmentRepr {
            sha256: attachment.sha256,
            media_type: attachment.media_type,
            data: base64::engine::general_purpose::STANDARD.encode(&attachment.data),
        }
    }
}

impl TryFrom<AttachmentRepr> for Attachment {
    type Error = AttachmentError;
    fn try_from(repr: AttachmentRepr) -> Result<Attachment, AttachmentError> {
        let data = base64::engine::general_purpose::STANDARD
            .decode(&repr.data)
            .map_err(|e| AttachmentError::BadBase64 {
                hash: repr.sha256.to_string(),
                reason: e.to_string(),
            })?;
        let actual = ContentHash::of(&data);
        if actual != repr.sha256 {
            return Err(AttachmentError::HashMismatch {
                claimed: repr.sha256,
                actual,
            });
        }
        Ok(Attachment {
            sha256: repr.sha256,
            media_type: repr.media_type,
            data,
        })
    }
}
