//! Adopting the records a device made before it signed in: `personal:local` records move
//! into the user's personal scope and `lab:local` ones into the lab the device follows.
//!
//! This is the one place a record's scope changes. It is safe because local-scope records
//! were never pushed (the server refuses those scopes), so no other copy exists that a merge
//! could meet; their outbox entries are moved with them, in the same store transaction.

use crate::record::{LabId, Record, Scope, UserId};

use super::mutation::Mutation;

/// The scope of personal records made with no account.
pub fn local_personal_scope() -> Scope {
    Scope::Personal(UserId::new("local").expect("\"local\" is a valid user id"))
}

/// The scope of lab records made while the device follows no lab.
pub fn local_lab_scope() -> Scope {
    Scope::Lab(LabId::new("local").expect("\"local\" is a valid lab id"))
}

/// Whether `scope` is one of the local scopes, which are never pushed: their changes wait in
/// the outbox until the records are adopted into an account's scope.
pub fn is_local_scope(scope: &Scope) -> bool {
    *scope == local_personal_scope() || *scope == local_lab_scope()
}

/// Where local records go once the device is signed in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Adoption {
    /// The user's personal scope (`personal:<user id>`).
    pub personal: Scope,
    /// The followed lab's scope; `None` leaves `lab:local` records where they are until the
    /// device follows a lab.
    pub lab: Option<Scope>,
}

impl Adoption {
    /// The scope a record in `scope` moves to, or `None` when it stays (it is not local, or
    /// it is a lab record and no lab is followed).
    pub fn target(&self, scope: &Scope) -> Option<Scope> {
        let target = if *scope == local_personal_scope() {
            Some(self.personal.clone())
        } else if *scope == local_lab_scope() {
            self.lab.clone()
        } else {
            None
        };
        target.filter(|target| target != scope)
    }

    /// The record in its new scope, or `None` when it stays.
    pub fn adopt_record(&self, record: &Record) -> Option<Record> {
        self.target(record.scope()).map(|scope| record.moved_to_scope(scope))
    }

    /// The pending mutation re-addressed to its record's new scope, or `None` when it stays.
    pub fn adopt_mutation(&self, mutation: &Mutation) -> Option<Mutation> {
        self.target(&mutation.scope).map(|scope| Mutation {
            scope,
            ..mutation.clone()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{DeviceId, EditContext, Hlc, Kind, RecordId};
    use serde_json::json;

    fn scope(text: &str) -> Scope {
        text.parse().unwrap()
    }

    fn record_in(scope_text: &str) -> (Record, Mutation) {
        let device = DeviceId::from_random_bytes([1; 16]);
        let mut clock = Hlc::new(device);
        let mut record = Record::new(
            RecordId::new_v7(1_700_000_000_000, [2; 10]).unwrap(),
            Kind::new("ce_entry").unwrap(),
            scope(scope_text),
        );
        let mut ctx = EditContext {
            clock: &mut clock,
            now_millis: 1_700_000_000_000,
            author: None,
        };
        let change = record.set(&mut ctx, "title", json!("Safety")).unwrap().unwrap();
        let mutation = Mutation::new(device, 1, &record, vec![change]);
        (record, mutation)
    }

    #[test]
    fn local_scopes_move_and_others_stay() {
        let with_lab = Adoption {
            personal: scope("personal:u-1"),
            lab: Some(scope("lab:l-9")),
        };
        let without_lab = Adoption {
            personal: scope("personal:u-1"),
            lab: None,
        };
        let check = |adoption: &Adoption, from: &str, expect: Option<&str>| {
            assert_eq!(
                adoption.target(&scope(from)),
                expect.map(scope),
                "{from} with {adoption:?}"
            );
        };
        check(&with_lab, "personal:local", Some("personal:u-1"));
        check(&with_lab, "lab:local", Some("lab:l-9"));
        check(&without_lab, "lab:local", None);
        let to_local = Adoption {
            personal: local_personal_scope(),
            lab: Some(local_lab_scope()),
        };
        check(&to_local, "personal:local", None);
        check(&to_local, "lab:local", None);
        check(&with_lab, "personal:u-2", None);
        check(&with_lab, "lab:l-3", None);
        assert!(is_local_scope(&scope("lab:local")) && is_local_scope(&scope("personal:local")));
        assert!(!is_local_scope(&scope("lab:l-3")) && !is_local_scope(&scope("personal:u-1")));
    }

    #[test]
    fn an_adopted_record_keeps_everything_but_its_scope() {
        let (record, mutation) = record_in("personal:local");
        let adoption = Adoption {
            personal: scope("personal:u-1"),
            lab: None,
        };
        let moved = adoption.adopt_record(&record).unwrap();
        assert_eq!(moved.scope(), &scope("personal:u-1"));
        assert_eq!((moved.id(), moved.fields()), (record.id(), record.fields()));
        let moved_mutation = adoption.adopt_mutation(&mutation).unwrap();
        assert_eq!(moved_mutation.scope, scope("personal:u-1"));
        assert_eq!(
            (moved_mutation.seq, &moved_mutation.changes),
            (mutation.seq, &mutation.changes)
        );
        // The re-addressed mutation still merges into the adopted record.
        assert!(moved.merge(&moved_mutation.to_record()).is_ok());
        assert!(
            adoption.adopt_record(&moved).is_none(),
            "adopting twice changes nothing"
        );
    }
}
