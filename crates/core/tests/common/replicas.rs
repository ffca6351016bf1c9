//! A simulated set of replicas of one record that edit concurrently and exchange mutations
//! through lossy, reordering, duplicating channels, for the property tests.

use benchmate_core::record::{
    Change, DeviceId, EditContext, Hlc, Kind, LabId, Record, RecordId, Scope, Slot, Stamp, UserId,
};
use benchmate_core::sync::{apply_mutation, Mutation, Outbox};
use serde_json::json;

/// One step of a generated history. Indices are taken modulo the number of replicas,
/// fields, messages or values, so every value is meaningful.
#[derive(Clone, Debug)]
pub enum Op {
    Set {
        replica: u8,
        field: u8,
        value: u8,
    },
    Delete {
        replica: u8,
    },
    Undelete {
        replica: u8,
    },
    /// Settle a conflict (or just rewrite) by keeping one of the field's known values.
    Resolve {
        replica: u8,
        field: u8,
        pick: u8,
    },
    /// Make one of the field's earlier values current again.
    Restore {
        replica: u8,
        field: u8,
        pick: u8,
    },
    /// The replica's wall clock jumps, backwards or forwards.
    ClockJump {
        replica: u8,
        delta: i64,
    },
    /// Deliver one waiting message (any one: reordering); keep a copy when `duplicate`.
    Deliver {
        to: u8,
        pick: u8,
        duplicate: bool,
    },
    /// Lose one waiting message; the sender will send it again (see `Retry`).
    Drop {
        to: u8,
        pick: u8,
    },
    /// Resend every lost message to a replica.
    Retry {
        to: u8,
    },
    /// Copy one replica's whole record to another (a pull of the full state).
    SyncState {
        from: u8,
        to: u8,
    },
}

impl Op {
    /// Decodes one generated 64-bit word into a step. Generating plain words is about twenty
    /// times cheaper in a debug build than composing a strategy per variant, which is what
    /// keeps 10,000 cases per property quick; shrinking a word towards 0 still simplifies
    /// the step. The low byte picks the variant, weighted: sets and deliveries are common.
    pub fn from_bits(bits: u64) -> Op {
        let [pick, a, b, c, d, ..] = bits.to_le_bytes();
        let wide = u16::from_le_bytes([c, d]);
        match pick % 21 {
            0..=5 => Op::Set {
                replica: a,
                field: b % 3,
                value: c % 4,
            },
            6 => Op::Delete { replica: a },
            7 => Op::Undelete { replica: a },
            8 => Op::Resolve {
                replica: a,
                field: b % 3,
                pick: c,
            },
            9 => Op::Restore {
                replica: a,
                field: b % 3,
                pick: c,
            },
            // A jump of -3000 to +2999 ms.
            10 => Op::ClockJump {
                replica: a,
                delta: i64::from(wide % 6000) - 3000,
            },
            11..=16 => Op::Deliver {
                to: a,
                pick: b,
                duplicate: c % 2 == 1,
            },
            17 | 18 => Op::Drop { to: a, pick: b },
            19 => Op::Retry { to: a },
            _ => Op::SyncState { from: a, to: b },
        }
    }
}

pub struct Replica {
    pub clock: Hlc,
    pub wall: u64,
    pub record: Record,
    pub outbox: Outbox,
    /// Messages on their way to this replica, in no particular order.
    pub inbox: Vec<Mutation>,
    /// Messages to this replica that were lost and will be sent again.
    pub lost: Vec<Mutation>,
}

pub struct Simulation {
    pub replicas: Vec<Replica>,
    /// Every write made by any replica, by slot and stamp.
    pub written: Vec<(Slot, Stamp)>,
}

/// 2026-11-25T00:00:00Z in Unix milliseconds, the simulated starting time.
pub const START_MILLIS: u64 = 1_795_564_800_000;

pub fn record_id() -> RecordId {
    RecordId::new_v7(START_MILLIS, [7; 10]).expect("time fits 48 bits")
}

pub fn device(index: usize) -> DeviceId {
    DeviceId::from_random_bytes([index as u8 + 1; 16])
}

pub fn lab_scope() -> Scope {
    Scope::Lab(LabId::new("lab-1").expect("valid lab id"))
}

pub const FIELDS: [&str; 3] = ["lot", "expiry", "location"];

impl Simulation {
    pub fn new(count: usize) -> Simulation {
        let kind = Kind::new("reagent_lot").expect("valid kind");
        let replicas = (0..count)
            .map(|i| Replica {
                clock: Hlc::new(device(i)),
                // Clocks start up to a few seconds apart, as real devices do.
                wall: START_MILLIS + 1_000 * i as u64,
                record: Record::new(record_id(), kind.clone(), lab_scope()),
                outbox: Outbox::new(device(i)),
                inbox: Vec::new(),
                lost: Vec::new(),
            })
            .collect();
        Simulation {
            replicas,
            written: Vec::new(),
        }
    }

    fn index(&self, raw: u8) -> usize {
        raw as usize % self.replicas.len()
    }

    pub fn run(&mut self, op: &Op) {
        for replica in &mut self.replicas {
            replica.wall += 1;
        }
        match *op {
            Op::Set { replica, field, value } => {
                let field = FIELDS[field as usize % FIELDS.len()];
                self.edit(replica, |record, ctx| {
                    record
                        .set(ctx, field, json!(value))
                        .expect("valid field")
                        .into_iter()
                        .collect()
                });
            }
            Op::Delete { replica } => self.edit(replica, |r, ctx| r.delete(ctx).into_iter().collect()),
            Op::Undelete { replica } => self.edit(replica, |r, ctx| r.undelete(ctx).into_iter().collect()),
            Op::Resolve { replica, field, pick } => {
                let field = FIELDS[field as usize % FIELDS.len()];
                self.edit(replica, |record, ctx| {
                    let Some(register) = record.field(field) else {
                        return Vec::new();
                    };
                    let writes = register.writes();
                    let value = writes[pick as usize % writes.len()].value.clone();
                    vec![record.resolve_conflict(ctx, field, value).expect("field exists")]
                });
            }
            Op::Restore { replica, field, pick } => {
                let field = FIELDS[field as usize % FIELDS.len()];
                self.edit(replica, |record, ctx| {
                    let Some(register) = record.field(field) else {
                        return Vec::new();
                    };
                    let writes = register.writes();
                    let stamp = writes[pick as usize % writes.len()].stamp;
                    vec![record.restore(ctx, field, &stamp).expect("version exists")]
                });
            }
            Op::ClockJump { replica, delta } => {
                let at = self.index(replica);
                let r = &mut self.replicas[at];
                r.wall = r.wall.saturating_add_signed(delta);
            }
            Op::Deliver { to, pick, duplicate } => {
                let at = self.index(to);
                let r = &mut self.replicas[at];
                if !r.inbox.is_empty() {
                    let at = pick as usize % r.inbox.len();
                    let message = if duplicate {
                        r.inbox[at].clone()
                    } else {
                        r.inbox.remove(at)
                    };
                    r.receive(&message);
                }
            }
            Op::Drop { to, pick } => {
                let at = self.index(to);
                let r = &mut self.replicas[at];
                if !r.inbox.is_empty() {
                    let at = pick as usize % r.inbox.len();
                    let message = r.inbox.remove(at);
                    r.lost.push(message);
                }
            }
            Op::Retry { to } => {
                let at = self.index(to);
                let r = &mut self.replicas[at];
                let lost = std::mem::take(&mut r.lost);
                r.inbox.extend(lost);
            }
            Op::SyncState { from, to } => {
                let source = self.replicas[self.index(from)].record.clone();
                let at = self.index(to);
                let target = &mut self.replicas[at];
                if let Some(stamp) = source.max_stamp() {
                    target
                        .clock
                        .observe(&stamp, target.wall)
                        .expect("clocks stay within the drift bound");
                }
                target.record.absorb(&source).expect("copies of one record");
            }
        }
    }

    /// Makes a local edit on one replica and sends its mutation to every other replica.
    fn edit(&mut self, replica: u8, make: impl FnOnce(&mut Record, &mut EditContext<'_>) -> Vec<Change>) {
        let at = self.index(replica);
        let r = &mut self.replicas[at];
        let author = Some(UserId::new(&format!("user-{at}")).expect("valid user id"));
        let mut ctx = EditContext {
            clock: &mut r.clock,
            now_millis: r.wall,
            author,
        };
        let changes = make(&mut r.record, &mut ctx);
        for change in &changes {
            self.written.push(match change {
                Change::Field { field, write } => (Slot::Field(field.clone()), write.stamp),
                Change::Tombstone { write } => (Slot::Deleted, write.stamp),
            });
        }
        let record = r.record.clone();
        let Some(mutation) = r.outbox.enqueue(&record, changes).cloned() else {
            return;
        };
        for (other, target) in self.replicas.iter_mut().enumerate() {
            if other != at {
                target.inbox.push(mutation.clone());
            }
        }
    }

    /// Resends everything lost and delivers every waiting message, oldest first.
    pub fn deliver_everything(&mut self) {
        for r in &mut self.replicas {
            let lost = std::mem::take(&mut r.lost);
            r.inbox.extend(lost);
            for message in std::mem::take(&mut r.inbox) {
                r.receive(&message);
            }
        }
    }
}

impl Replica {
    /// Takes in a mutation as a device does: the clock observes its stamps, then the merge.
    pub fn receive(&mut self, mutation: &Mutation) {
        for change in &mutation.changes {
            let stamp = match change {
                Change::Field { write, .. } => write.stamp,
                Change::Tombstone { write } => write.stamp,
            };
            self.clock
                .observe(&stamp, self.wall)
                .expect("clocks stay within the drift bound");
        }
        let applied = apply_mutation(Some(&self.record), mutation, self.wall).expect("well-formed mutation");
        self.record = applied.record;
    }
}

/// Whether `record` still holds the write with `stamp` to `slot`, current or in history.
pub fn holds_write(record: &Record, slot: &Slot, stamp: &Stamp) -> bool {
    match slot {
        Slot::Field(name) => record.field(name).is_some_and(|r| r.find(stamp).is_some()),
        Slot::Deleted => record.tombstone().is_some_and(|r| r.find(stamp).is_some()),
    }
}
